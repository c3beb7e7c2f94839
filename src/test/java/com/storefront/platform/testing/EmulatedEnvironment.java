package com.storefront.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.storefront.platform.Main;
import com.storefront.platform.config.EnvironmentConfig;
import com.storefront.platform.deployment.EmulatorDeployment;
import com.storefront.platform.deployment.EnvironmentStack;
import com.storefront.platform.deployment.Layer;
import com.storefront.platform.deployment.StateLocation;
import com.storefront.platform.terraform.Directories;
import com.storefront.platform.terraform.Terraform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One environment deployed to an emulator of its own: the emulator, a working directory under {@code target/},
 * and the state every synthesized variant of the environment shares, as a user's local deploy would.
 */
public final class EmulatedEnvironment implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String lockFile;

    private final EnvironmentConfig environment;
    private final Emulator emulator;
    private final Path root;
    private final EmulatorDeployment deployment;
    private final Terraform terraform;

    private EmulatedEnvironment(EnvironmentConfig environment, Emulator emulator, Path root) {
        this.environment = environment;
        this.emulator = emulator;
        this.root = root;
        this.deployment = new EmulatorDeployment(emulator.endpoint(), root.resolve("state"));
        this.terraform = TerraformRequired.runner(root);
    }

    /** Starts an emulator reporting the environment's account, in a fresh {@code root}. */
    public static EmulatedEnvironment start(EnvironmentConfig environment, Path root) {
        Path absolute = root.toAbsolutePath();
        Directories.deleteRecursively(absolute);
        TerraformRequired.runner(absolute);
        return new EmulatedEnvironment(environment, Emulator.start(environment.accountId(), environment.region(),
                absolute.resolve("emulator.log")), absolute);
    }

    public EnvironmentConfig environment() {
        return environment;
    }

    /** Both stacks of {@code variant} (this environment, perhaps changed) synthesized into {@code <root>/<name>/cdktf.out}. */
    public Path synthesize(String name, EnvironmentConfig variant) {
        Path outdir = root.resolve(name).resolve("cdktf.out");
        Directories.deleteRecursively(outdir);
        try {
            // jsii's Node process creates only the last directory of the path.
            Files.createDirectories(outdir.getParent());
            Jsii.locked(() -> {
                try {
                    Main.synthesize(new App(AppConfig.builder().outdir(outdir.toString()).build()), List.of(variant), deployment);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outdir;
    }

    /** The directory of {@code layer}'s stack in a synthesized {@code outdir}. */
    public Path stack(Path outdir, Layer layer) {
        return layer.stackDirectory(outdir, environment);
    }

    /** The state file of {@code layer}'s stack, shared by every variant. */
    public Path stateFile(Layer layer) {
        return deployment.statePath(StateLocation.of(environment, layer));
    }

    /** {@code terraform <args>} in {@code dir}, with the project's provider mirror. */
    public Terraform.Result terraform(Path dir, String... args) {
        return terraform.run(dir, args);
    }

    /** {@code terraform init}, then {@code args}. */
    public Terraform.Result initAnd(Path dir, String... args) {
        terraform.run(dir, "init", "-input=false", "-no-color").orThrow(dir);
        return terraform.run(dir, args);
    }

    /** {@code cdktf <command> <stacks>} on the stacks of {@code outdir}. */
    public CdktfCli.Run cdktf(Path outdir, String command, String... stacks) {
        if (terraform.cliConfig().isPresent()) {
            // cdktf's first init of a stack runs `terraform providers lock`, which asks the registry for checksums
            // whatever the CLI configuration says; with a lock file already there, it leaves the lock alone.
            String lockFile = providerLockFile(terraform);
            for (String stack : stacks) {
                try {
                    Files.writeString(outdir.resolve("stacks").resolve(stack).resolve(".terraform.lock.hcl"), lockFile);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return CdktfCli.run(outdir, terraform, command, stacks);
    }

    /** The lock file Terraform writes for the AWS provider from the mirror, made once per test run. */
    private static synchronized String providerLockFile(Terraform terraform) {
        if (lockFile == null) {
            try {
                Path dir = Files.createTempDirectory("provider-lock");
                Files.writeString(dir.resolve("main.tf.json"), JSON.createObjectNode().set("terraform", JSON.createObjectNode()
                        .set("required_providers", JSON.createObjectNode().set("aws", JSON.createObjectNode()
                                .put("source", "hashicorp/aws").put("version", EnvironmentStack.AWS_PROVIDER_CONSTRAINT)))).toString());
                terraform.run(dir, "init", "-input=false", "-no-color", "-backend=false").orThrow(dir);
                lockFile = Files.readString(dir.resolve(".terraform.lock.hcl"));
                Directories.deleteRecursively(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lockFile;
    }

    /** Everything the emulator holds that the stacks could have made. */
    public List<String> inventory() {
        return emulator.inventory();
    }

    /** The same, in {@code region}: the emulator keeps every region apart, as AWS does. */
    public List<String> inventory(String region) {
        return emulator.inventory(region);
    }

    /** The current value of a Secrets Manager secret, read from the emulator as an operator would. */
    public String secretValue(String secretId) {
        return secretsManager("GetSecretValue", secretId).path("SecretString").asText();
    }

    /** The staging labels of every version of a Secrets Manager secret, by version id. */
    public JsonNode secretVersionStages(String secretId) {
        return secretsManager("DescribeSecret", secretId).path("VersionIdsToStages");
    }

    private JsonNode secretsManager(String action, String secretId) {
        HttpRequest request = HttpRequest.newBuilder(emulator.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "secretsmanager." + action)
                // The emulator checks no signature, only that a region's credential scope is named.
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=emulator/20260101/" + environment.region()
                        + "/secretsmanager/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("SecretId", secretId).toString()))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(action + " " + secretId + " failed: " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The outputs of an applied stack, by name. */
    public JsonNode outputs(Path stackDir) {
        String json = terraform(stackDir, "output", "-json", "-no-color").orThrow(stackDir).stdout();
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the working directory. */
    public Path path(String name) {
        return root.resolve(name);
    }

    @Override
    public void close() {
        emulator.close();
    }

}
