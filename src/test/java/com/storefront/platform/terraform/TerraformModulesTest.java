package com.storefront.platform.terraform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.testing.RunningProvider;
import com.storefront.platform.testing.TerraformModules;
import com.storefront.platform.testing.TerraformRequired;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern RUN_BLOCK = Pattern.compile("(?m)^run\\s+\"");
    private static final Pattern ALL_PASSED = Pattern.compile("(\\d+) passed, 0 failed");

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
        TerraformModules.copy(module, copy);
        int runs = runBlocks(copy);
        terraform.run(copy, "init", "-backend=false", "-input=false", "-no-color").orThrow(copy);

        // terraform test validates the module and its test files before the first run, so no separate validate.
        Terraform.Result test;
        try (RunningProvider provider = RunningProvider.of(copy)) {
            test = terraform.withVariablesOf(provider.variables()).run(copy, "test", "-no-color");
        }

        assertTrue(runs > 0, "no run blocks in " + module + "'s .tftest.hcl files");
        Matcher passed = ALL_PASSED.matcher(test.stdout());
        assertTrue(test.succeeded() && passed.find() && Integer.parseInt(passed.group(1)) == runs,
                "expected all " + runs + " run blocks to pass:\n" + test.stdout() + test.stderr());
    }

    /** The run blocks of every {@code .tftest.hcl} file under {@code module}. */
    private static int runBlocks(Path module) throws IOException {
        int runs = 0;
        try (var files = Files.walk(module)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".tftest.hcl")).toList()) {
                runs += (int) RUN_BLOCK.matcher(Files.readString(file)).results().count();
            }
        }
        return runs;
    }
}
