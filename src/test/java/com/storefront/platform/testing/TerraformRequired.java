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
            String message = "*** terraform is not on the PATH: terraform validate/plan/test checks NOT RUN. "
                    + "Install Terraform >= 1.11 to run them. ***";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true requires them)");
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
        return Terraform.inWorkDir(workDir);
    }
}
