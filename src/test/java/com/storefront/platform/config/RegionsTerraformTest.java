package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storefront.platform.terraform.Terraform;
import com.storefront.platform.testing.TerraformRequired;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern ADDRESS = Pattern.compile("data\\.terraform_remote_state\\.check\\[\"(.+)\"\\]");

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
        Set<String> refused = regionsTheS3BackendRefuses(Regions.STATE);

        assertTrue(refused.isEmpty(), "Terraform's S3 backend refused regions the config accepts for state: " + refused);
    }

    @Test
    void everyRegionLeftOutForTheStateIsOneTheS3BackendRefuses() throws IOException {
        Set<String> refused = regionsTheS3BackendRefuses(Regions.UNKNOWN_TO_S3_BACKEND);

        assertEquals(Regions.UNKNOWN_TO_S3_BACKEND, refused, "Terraform's S3 backend now knows the others: remove them from Regions.UNKNOWN_TO_S3_BACKEND");
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
     * The regions Terraform's S3 backend refuses, of {@code regions}: one {@code terraform_remote_state} per region, read
     * through the S3 backend's own code in one plan. The backend checks the region before any request, which goes to a
     * closed local port, so nothing leaves the machine.
     */
    private Set<String> regionsTheS3BackendRefuses(Collection<String> regions) throws IOException {
        Terraform terraform = TerraformRequired.runner(WORK);
        Path backend = Files.createDirectories(dir.resolve("backend"));
        Files.writeString(backend.resolve("main.tf"), """
                data "terraform_remote_state" "check" {
                  for_each = toset([%s])
                  backend  = "s3"
                  config = {
                    bucket                      = "storefront-region-check"
                    key                         = "check.tfstate"
                    region                      = each.value
                    access_key                  = "offline"
                    secret_key                  = "offline"
                    skip_credentials_validation = true
                    skip_requesting_account_id  = true
                    skip_metadata_api_check     = true
                    use_path_style              = true
                    max_retries                 = 1
                    endpoints                   = { s3 = "http://127.0.0.1:9" }
                  }
                }
                """.formatted(regions.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", "))));
        terraform.run(backend, "init", "-input=false", "-no-color").orThrow(backend);
        Terraform.Result plan = terraform.run(backend, "plan", "-json", "-input=false", "-no-color", "-lock=false");

        ObjectMapper json = new ObjectMapper();
        Set<String> refused = new TreeSet<>();
        int answered = 0;
        for (String line : plan.stdout().split("\n")) {
            JsonNode diagnostic = line.isBlank() ? json.nullNode() : json.readTree(line).path("diagnostic");
            Matcher region = ADDRESS.matcher(diagnostic.path("address").asText());
            if (region.matches()) {
                answered++;
                if (diagnostic.path("summary").asText().equals("Invalid region value")) {
                    refused.add(region.group(1));
                }
            }
        }
        // Every region must have been tried: refused, or accepted and then unable to reach the closed port.
        assertEquals(regions.size(), answered, "unexpected answer from the S3 backend:\n" + plan.stdout() + plan.stderr());
        return refused;
    }
}
