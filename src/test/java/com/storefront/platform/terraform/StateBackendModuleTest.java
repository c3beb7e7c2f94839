package com.storefront.platform.terraform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.testing.TerraformRequired;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modules/state-backend} checked by the real Terraform CLI, on a copy so the source tree stays clean. */
class StateBackendModuleTest {

    private static final Path MODULE = Path.of("modules", "state-backend");

    @TempDir
    static Path copy;

    private static Terraform terraform;

    @BeforeAll
    static void initialiseACopyOfTheModule() throws IOException {
        terraform = TerraformRequired.runner(Path.of("target", "terraform-checks"));
        try (var files = Files.walk(MODULE)) {
            for (Path source : files.filter(p -> !p.toString().contains(".terraform")).toList()) {
                Path target = copy.resolve(MODULE.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        terraform.run(copy, "init", "-backend=false", "-input=false", "-no-color").orThrow(copy);
    }

    @Test
    void isFormattedCanonically() {
        Terraform.Result fmt = terraform.run(MODULE, "fmt", "-check", "-recursive", "-no-color");

        assertTrue(fmt.succeeded(), "terraform fmt would change: " + fmt.stdout());
    }

    @Test
    void isValidTerraform() {
        Terraform.Result validate = terraform.run(copy, "validate", "-no-color");

        assertTrue(validate.succeeded(), validate.stdout() + validate.stderr());
    }

    @Test
    void passesItsTerraformTestsAgainstAMockProvider() {
        Terraform.Result test = terraform.run(copy, "test", "-no-color");

        assertTrue(test.succeeded() && test.stdout().contains(" passed, 0 failed"), test.stdout() + test.stderr());
    }
}
