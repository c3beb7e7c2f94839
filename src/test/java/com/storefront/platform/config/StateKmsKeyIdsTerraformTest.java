package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storefront.platform.terraform.Terraform;
import com.storefront.platform.testing.TerraformRequired;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kms_key_id} forms {@code StateBackendConfigTest} expects the config to accept and refuse, fed to Terraform's
 * own S3 backend: it validates the key before any request, which goes to a closed local port.
 */
@Tag("terraform")
class StateKmsKeyIdsTerraformTest {

    private static final Path WORK = Path.of("target", "terraform-checks");

    @TempDir
    Path dir;

    @Test
    void theS3BackendAcceptsEveryKmsKeyTheConfigAccepts() throws IOException {
        List<String> refused = new ArrayList<>();
        for (String keyId : StateBackendConfigTest.KMS_KEYS_THE_BACKEND_ACCEPTS) {
            if (backendRefuses(keyId)) {
                refused.add(keyId);
            }
        }

        assertEquals(List.of(), refused);
    }

    @Test
    void theS3BackendRefusesEveryKmsKeyTheConfigRefusesForItsForm() throws IOException {
        List<String> accepted = new ArrayList<>();
        for (String keyId : StateBackendConfigTest.KMS_KEYS_THE_BACKEND_REFUSES) {
            if (!backendRefuses(keyId)) {
                accepted.add(keyId);
            }
        }

        assertEquals(List.of(), accepted);
    }

    private boolean backendRefuses(String keyId) throws IOException {
        Terraform terraform = TerraformRequired.runner(WORK);
        Files.writeString(dir.resolve("main.tf"), "terraform {\n  backend \"s3\" {}\n}\n");
        Terraform.Result init = terraform.run(dir, "init", "-reconfigure", "-input=false", "-no-color",
                "-backend-config=bucket=storefront-dev-tfstate", "-backend-config=key=check.tfstate", "-backend-config=region=eu-west-1",
                "-backend-config=encrypt=true", "-backend-config=kms_key_id=" + keyId,
                "-backend-config=access_key=offline", "-backend-config=secret_key=offline",
                "-backend-config=skip_credentials_validation=true", "-backend-config=skip_requesting_account_id=true",
                "-backend-config=skip_metadata_api_check=true", "-backend-config=use_path_style=true", "-backend-config=max_retries=1",
                "-backend-config=endpoints={s3=\"http://127.0.0.1:9\"}");
        String output = init.stdout() + init.stderr();
        boolean refused = output.contains("Invalid KMS Key ID") || output.contains("Invalid KMS Key ARN");
        assertTrue(refused || output.contains("127.0.0.1:9") || init.succeeded(), "unexpected answer for " + keyId + ":\n" + output);
        return refused;
    }
}
