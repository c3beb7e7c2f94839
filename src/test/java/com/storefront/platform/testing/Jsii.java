package com.storefront.platform.testing;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one lock every test takes around CDKTF calls. jsii's Java runtime talks to a single Node process and is
 * not thread-safe, while test classes run side by side (Terraform and the emulator mostly wait).
 */
public final class Jsii {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private Jsii() {
    }

    /** Runs {@code work}, which calls CDKTF, while no other thread does. */
    public static <T> T locked(Supplier<T> work) {
        LOCK.lock();
        try {
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }
}
