package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.terraform.Terraform;
import com.storefront.platform.testing.TerraformRequired;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The region lists of {@link Regions} fed to the Terraform and AWS provider versions they name: every region the
 * config accepts is one they know, and every region it leaves out is one they refuse. When an upgrade teaches them a
 * region, the second test fails and says which one to add back.
 */
@Tag("terraform")
class RegionsTerraformTest {

    private static final Path WORK = Path.of("target", "terraform-checks");

    @TempDir
    Path dir;

    @Test
    void everyEnvironmentRegionIsOneTheAwsProviderKnows() throws IOException {
        Terraform.Result plan = planRegionLookups(Regions.ENVIRONMENT);

        assertTrue(plan.succeeded(), "the AWS provider refused regions the config accepts:\n" + plan.stdout() + plan.stderr());
    }

    @Test
    void everyRegionLeftOutForTheProviderIsOneItRefuses() throws IOException {
        for (String region : Regions.UNKNOWN_TO_PROVIDER) {
            Terraform.Result plan = planRegionLookups(List.of(region));

            assertFalse(plan.succeeded(), "the AWS provider now knows " + region + ": remove it from Regions.UNKNOWN_TO_PROVIDER");
            assertTrue(plan.stderr().contains("finding Region by name (" + region + ")"), plan.stderr());
        }
    }

    @Test
    void everyStateRegionIsOneTheS3BackendKnows() throws IOException {
        List<String> refused = new ArrayList<>();
        for (String region : Regions.STATE) {
            if (backendRefuses(region)) {
                refused.add(region);
            }
        }

        assertTrue(refused.isEmpty(), "Terraform's S3 backend refused regions the config accepts for state: " + refused);
    }

    @Test
    void everyRegionLeftOutForTheStateIsOneTheS3BackendRefuses() throws IOException {
        for (String region : Regions.UNKNOWN_TO_S3_BACKEND) {
            assertTrue(backendRefuses(region), "Terraform's S3 backend now knows " + region + ": remove it from Regions.UNKNOWN_TO_S3_BACKEND");
        }
    }

    /**
     * Plans {@code aws_region} lookups by name with the mirrored provider 5.100.0: no request leaves the machine, and
     * the provider answers from the same region table it validates its own {@code region} against.
     */
    private Terraform.Result planRegionLookups(Collection<String> regions) throws IOException {
        Terraform terraform = TerraformRequired.runner(WORK);
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = "5.100.0"
                    }
                  }
                }

                provider "aws" {
                  region                      = "eu-west-1"
                  access_key                  = "offline"
                  secret_key                  = "offline"
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                }

                data "aws_region" "known" {
                  for_each = toset([%s])
                  name     = each.value
                }
                """.formatted(regions.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", "))));
        terraform.run(dir, "init", "-backend=false", "-input=false", "-no-color").orThrow(dir);
        return terraform.run(dir, "plan", "-input=false", "-no-color", "-lock=false");
    }

    /**
     * Whether Terraform's S3 backend refuses {@code region} when it is configured: it checks the region before any
     * request, which goes to a closed local port so that nothing leaves the machine.
     */
    private boolean backendRefuses(String region) throws IOException {
        Terraform terraform = TerraformRequired.runner(WORK);
        Path backend = dir.resolve("backend");
        Files.createDirectories(backend);
        Files.writeString(backend.resolve("main.tf"), "terraform {\n  backend \"s3\" {}\n}\n");
        Terraform.Result init = terraform.run(backend, "init", "-reconfigure", "-input=false", "-no-color",
                "-backend-config=bucket=storefront-region-check", "-backend-config=key=check.tfstate", "-backend-config=region=" + region,
                "-backend-config=access_key=offline", "-backend-config=secret_key=offline",
                "-backend-config=skip_credentials_validation=true", "-backend-config=skip_requesting_account_id=true",
                "-backend-config=skip_metadata_api_check=true", "-backend-config=use_path_style=true", "-backend-config=max_retries=1",
                "-backend-config=endpoints={s3=\"http://127.0.0.1:9\"}");
        String output = init.stdout() + init.stderr();
        assertTrue(output.contains("Invalid region value") || output.contains("127.0.0.1:9") || init.succeeded(),
                "unexpected answer from the S3 backend for " + region + ":\n" + output);
        return output.contains("Invalid region value");
    }
}
