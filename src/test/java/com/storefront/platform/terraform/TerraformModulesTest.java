package com.storefront.platform.terraform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.testing.RunningProvider;
import com.storefront.platform.testing.TerraformRequired;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every module under {@code modules/} checked by the real Terraform CLI: formatting, validation and its
 * own {@code terraform test} suite (mock provider), run on a copy so the source tree stays clean. The mock takes its
 * schema from the real provider, kept running for the module's {@code terraform test} rather than started for each
 * run block.
 */
@Tag("terraform")
class TerraformModulesTest {

    private static final Path WORK = Path.of("target", "terraform-checks");

    @TempDir
    Path copy;

    @ParameterizedTest
    @ValueSource(strings = {"state-backend", "database-access"})
    void isFormattedCanonically(String module) {
        Terraform terraform = TerraformRequired.runner(WORK);

        Terraform.Result fmt = terraform.run(Path.of("modules", module), "fmt", "-check", "-recursive", "-no-color");

        assertTrue(fmt.succeeded(), "terraform fmt would change: " + fmt.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"state-backend", "database-access"})
    void isValidAndPassesItsTerraformTests(String module) throws IOException {
        Terraform terraform = TerraformRequired.runner(WORK);
        copyModule(Path.of("modules", module));
        terraform.run(copy, "init", "-backend=false", "-input=false", "-no-color").orThrow(copy);

        // terraform test validates the module and its test files before the first run, so no separate validate.
        Terraform.Result test;
        try (RunningProvider provider = RunningProvider.of(copy)) {
            test = terraform.withVariablesOf(provider.variables()).run(copy, "test", "-no-color");
        }

        assertTrue(test.succeeded() && test.stdout().contains(" passed, 0 failed"), test.stdout() + test.stderr());
    }

    private void copyModule(Path module) throws IOException {
        try (var files = Files.walk(module)) {
            for (Path source : files.filter(p -> !p.toString().contains(".terraform")).toList()) {
                Path target = copy.resolve(module.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
