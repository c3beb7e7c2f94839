package com.storefront.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Copies of the modules under {@code modules/}, for tests that run Terraform on them: Terraform writes into the
 * directory it runs in, and the source tree stays clean. A copy leaves out what {@code terraform init} made there
 * ({@code .terraform}, {@code .terraform.lock.hcl}).
 */
public final class TerraformModules {

    private TerraformModules() {
    }

    /** Copies {@code modules/<module>} into {@code target}, with its {@code terraform test} files. */
    public static void copy(String module, Path target) throws IOException {
        copy(module, target, relative -> true);
    }

    /** Copies {@code modules/<module>} into {@code target} without its {@code tests} directory, for a root module to call. */
    public static void copyWithoutTests(String module, Path target) throws IOException {
        copy(module, target, relative -> !relative.startsWith("tests"));
    }

    private static void copy(String module, Path target, Predicate<Path> wanted) throws IOException {
        Path source = Path.of("modules", module);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path relative = source.relativize(file);
                if (relative.toString().startsWith(".terraform") || !wanted.test(relative)) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
