package com.storefront.platform.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.storefront.platform.testing.TerraformRequired;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment every Terraform process of the project gets: nothing here runs Terraform. */
class TerraformEnvironmentTest {

    private static final Path WORK = Path.of("target", "terraform-checks");

    @Test
    void givesGosCollectorRoomUnlessTheCallerChoseAValue() {
        Terraform terraform = TerraformRequired.runner(WORK);
        Map<String, String> fresh = new HashMap<>();
        Map<String, String> chosen = new HashMap<>(Map.of("GOGC", "150"));

        terraform.configure(fresh);
        terraform.configure(chosen);

        assertEquals("400", fresh.get("GOGC"), fresh::toString);
        assertEquals("150", chosen.get("GOGC"), chosen::toString);
        assertEquals("1", fresh.get("CHECKPOINT_DISABLE"), fresh::toString);
        assertEquals(terraform.cliConfig().map(file -> file.toAbsolutePath().toString()).orElse(null),
                fresh.get("TF_CLI_CONFIG_FILE"), fresh::toString);
    }

    @Test
    void passesOnTheTerraformVariablesItWasGivenAndNoOthers() {
        Terraform terraform = TerraformRequired.runner(WORK)
                .withVariablesOf(Map.of("TF_LOG", "debug", "TF_CLI_CONFIG_FILE", "/elsewhere.tfrc", "AWS_PROFILE", "prod"));
        Map<String, String> environment = new HashMap<>();

        terraform.configure(environment);

        assertEquals("debug", environment.get("TF_LOG"), environment::toString);
        assertEquals("/elsewhere.tfrc", environment.get("TF_CLI_CONFIG_FILE"), "a variable given wins over the runner's own");
        assertFalse(environment.containsKey("AWS_PROFILE"), environment::toString);
    }
}
