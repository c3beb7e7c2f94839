package com.storefront.platform.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Clean-up of the working directories that Terraform runs leave behind. */
public final class Directories {

    private Directories() {
    }

    /**
     * Deletes {@code dir} and everything in it; does nothing when it does not exist. Symbolic links are deleted,
     * never followed: {@code terraform init} links a stack's {@code .terraform} to the provider mirror, which must
     * outlive every stack.
     *
     * @throws UncheckedIOException when something in it cannot be deleted
     */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
