package com.storefront.platform.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.storefront.platform.terraform.Terraform;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Gives tests a Terraform runner. Without terraform on the PATH the tests are skipped with a loud
 * message, except under {@code CI=true}, where they fail: CI must never pass without validating.
 */
public final class TerraformRequired {

    private TerraformRequired() {
    }

    public static Terraform runner(Path workDir) {
        if (!Terraform.isInstalled()) {
            skipOrFail("terraform is not on the PATH: terraform plan/test checks NOT RUN. Install Terraform >= 1.11 to run them.");
        }
        return Terraform.inWorkDir(workDir);
    }

    /** Skips the test with a loud {@code message} about a missing tool, or fails it under {@code CI=true}. */
    static void skipOrFail(String message) {
        String loud = "*** " + message + " ***";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(loud + " (CI=true requires it)");
        }
        System.err.println(loud);
        Assumptions.abort(loud);
    }
}
