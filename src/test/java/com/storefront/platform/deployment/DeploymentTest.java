package com.storefront.platform.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Testing;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.database.DatabaseStack;
import com.storefront.platform.network.NetworkStack;
import com.storefront.platform.testing.Jsii;
import com.storefront.platform.testing.StackJson;
import com.storefront.platform.testing.TestStacks;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentTest {

    private static final EmulatorDeployment EMULATOR = new EmulatorDeployment(URI.create("http://127.0.0.1:4566"), Path.of("/tmp/storefront-state"));

    @Test
    void picksTheEmulatorWithTheEndpointAndStateDirectoryTheEnvironmentNames() {
        Map<String, String> variables = Map.of(
                Deployment.MODE_VARIABLE, "emulator",
                EmulatorDeployment.ENDPOINT_VARIABLE, "http://127.0.0.1:4566",
                EmulatorDeployment.STATE_DIRECTORY_VARIABLE, "/tmp/storefront-state");

        Deployment deployment = Deployment.fromEnvironment(variables);

        assertEquals(EMULATOR, deployment);
    }

    @Test
    void defaultsTheEmulatorToMotosPortAndAStateDirectoryInTheProject() {
        Deployment deployment = Deployment.fromEnvironment(Map.of(Deployment.MODE_VARIABLE, "emulator"));

        EmulatorDeployment emulator = assertInstanceOf(EmulatorDeployment.class, deployment);
        assertEquals(URI.create("http://127.0.0.1:5000"), emulator.endpoint());
        assertEquals(Path.of("emulator-state").toAbsolutePath(), emulator.stateDirectory());
    }

    @Test
    void defaultsToAws() {
        assertInstanceOf(AwsDeployment.class, Deployment.fromEnvironment(Map.of()));
    }

    @Test
    void rejectsAnEmulatorEndpointThatIsNotAnHttpUrlSayingWhatItMustBe() {
        Map<String, String> variables = Map.of(Deployment.MODE_VARIABLE, "emulator", EmulatorDeployment.ENDPOINT_VARIABLE, "localhost:4566");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Deployment.fromEnvironment(variables));

        assertEquals("STOREFRONT_EMULATOR_ENDPOINT must be an http(s) URL like http://127.0.0.1:5000, got 'localhost:4566'", error.getMessage());
    }

    @Test
    void rejectsAnUnknownModeListingTheKnownOnes() {
        Map<String, String> variables = Map.of(Deployment.MODE_VARIABLE, "staging");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Deployment.fromEnvironment(variables));

        assertEquals("STOREFRONT_MODE must be one of aws, emulator, offline, got 'staging'", error.getMessage());
    }

    @Test
    void pointsEveryServiceAtTheEmulatorAndKeepsTheEnvironmentsAccount() {
        EnvironmentConfig environment = TestStacks.environment("prod");

        StackJson json = Jsii.locked(() -> {
            App app = Testing.app();
            new NetworkStack(app, environment, EMULATOR);
            DatabaseStack database = new DatabaseStack(app, environment, EMULATOR);
            EMULATOR.attachBackend(database);
            return StackJson.synth(database);
        });

        json.check(json.at("/provider/aws").size() == 2, "the environment's provider and the disaster-recovery one");
        for (JsonNode provider : json.at("/provider/aws")) {
            json.check(provider.path("profile").asText().equals(EmulatorDeployment.PROFILE), "the emulator's profile");
            json.check(provider.path("shared_config_files").toString().equals("[\"" + EmulatorDeployment.CONFIG_FILE + "\"]"),
                    "the profile's file, beside the stack");
            // Set, the endpoints block more than doubles the CPU of every provider start.
            json.check(provider.path("endpoints").isMissingNode(), "no endpoints block");
            json.check(provider.path("s3_use_path_style").asBoolean(), "path-style S3");
            json.check(provider.path("allowed_account_ids").toString().equals("[\"333333333333\"]"), "the environment's account only");
        }
        json.check(json.at("/terraform/backend/local/path").asText()
                .equals("/tmp/storefront-state/storefront-prod-tfstate/storefront/database-prod.tfstate"), "local state outside cdktf.out");
        json.check(json.at("/data/terraform_remote_state/network/config/path").asText()
                .equals("/tmp/storefront-state/storefront-prod-tfstate/storefront/network-prod.tfstate"), "the network's real state");
        json.check(json.raw().contains("ephemeral.aws_secretsmanager_random_password.master_password.random_password"),
                "the emulator generates the real ephemeral password");
    }

    @Test
    void writesTheEmulatorsEndpointBesideEveryStackOfEveryEnvironment(@TempDir Path outdir) throws IOException {
        List<EnvironmentConfig> environments = List.of(TestStacks.environment("dev"), TestStacks.environment("prod"));
        for (EnvironmentConfig environment : environments) {
            for (Layer layer : Layer.values()) {
                Files.createDirectories(layer.stackDirectory(outdir, environment));
            }
        }

        EMULATOR.afterSynth(outdir, environments);

        for (EnvironmentConfig environment : environments) {
            for (Layer layer : Layer.values()) {
                String profile = Files.readString(layer.stackDirectory(outdir, environment).resolve(EmulatorDeployment.CONFIG_FILE));
                assertTrue(profile.contains("[profile storefront-emulator]\nendpoint_url = http://127.0.0.1:4566\n"), profile);
            }
        }
    }
}
