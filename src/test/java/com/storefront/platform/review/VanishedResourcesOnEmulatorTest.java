package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.deployment.EmulatorDeployment;
import com.storefront.platform.terraform.Terraform;
import com.storefront.platform.testing.Emulator;
import com.storefront.platform.testing.TerraformRequired;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A protected key and vault, deployed to the emulator, then planned for another region, as a changed
 * disaster-recovery region does: the refresh finds neither there and drops both from state, so the plan only creates
 * (prevent_destroy never fires) and the old ones, with their recovery points, leave Terraform's hands.
 */
@Tag("emulator")
class VanishedResourcesOnEmulatorTest {

    private static final Path DIR = Path.of("target", "review-vanished").toAbsolutePath();
    private static final String STACK = "database-recovery";
    private static final String CONFIGURATION = """
            variable "region" {
              type = string
            }

            provider "aws" {
              region                      = var.region
              access_key                  = "emulator"
              secret_key                  = "emulator"
              skip_credentials_validation = true
              skip_requesting_account_id  = true
              skip_metadata_api_check     = true
              skip_region_validation      = true
              profile                     = "%s"
              shared_config_files         = ["%s"]
            }

            resource "aws_kms_key" "recovery" {
              description             = "recovery copies"
              deletion_window_in_days = 30
              lifecycle {
                prevent_destroy = true
              }
            }

            resource "aws_backup_vault" "recovery" {
              name        = "storefront-recovery"
              kms_key_arn = aws_kms_key.recovery.arn
              lifecycle {
                prevent_destroy = true
              }
            }
            """.formatted(EmulatorDeployment.PROFILE, EmulatorDeployment.CONFIG_FILE);

    @Test
    void blocksTheProtectedKeyAndVaultTheRefreshNoLongerFindsInTheNewRegion() throws IOException {
        Files.createDirectories(DIR);
        try (Emulator emulator = Emulator.start("123456789012", "eu-west-1", DIR.resolve("emulator.log"))) {
            Files.writeString(DIR.resolve("main.tf"), CONFIGURATION);
            Files.writeString(DIR.resolve(EmulatorDeployment.CONFIG_FILE), EmulatorDeployment.profile(emulator.endpoint()));
            Terraform terraform = TerraformRequired.runner(DIR);
            terraform.run(DIR, "init", "-input=false", "-no-color").orThrow(DIR);
            terraform.run(DIR, "apply", "-auto-approve", "-input=false", "-no-color", "-var", "region=eu-west-1").orThrow(DIR);

            List<ResourceChange> moved = plan(terraform, "eu-central-1");
            List<ResourceChange> stayed = plan(terraform, "eu-west-1");

            List<Finding> findings = new Guard(List.of()).inspect(STACK, moved);
            assertEquals(Set.of("aws_kms_key.recovery", "aws_backup_vault.recovery"),
                    findings.stream().map(f -> f.change().address()).collect(Collectors.toSet()), moved::toString);
            assertTrue(findings.stream().allMatch(f -> f.blocks() && !f.preventDestroy()
                    && f.message().contains("delete, because the refresh no longer finds it where the configuration looks")), findings::toString);
            assertEquals(2, moved.stream().filter(c -> c.action() == Action.CREATE).count(), "and empty ones created: " + moved);
            assertEquals(List.of(), stayed, "nothing vanishes where they are");
        }
    }

    private static List<ResourceChange> plan(Terraform terraform, String region) {
        terraform.run(DIR, "plan", "-input=false", "-no-color", "-lock=false", "-var", "region=" + region, "-out=" + region + ".tfplan")
                .orThrow(DIR);
        return PlanReader.read(terraform.run(DIR, "show", "-json", region + ".tfplan").orThrow(DIR).stdout());
    }
}
