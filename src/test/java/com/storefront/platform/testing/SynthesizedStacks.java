package com.storefront.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.storefront.platform.Main;
import com.storefront.platform.config.Environments;
import com.storefront.platform.deployment.AwsDeployment;
import com.storefront.platform.deployment.Deployment;
import com.storefront.platform.deployment.OfflineDeployment;
import com.storefront.platform.terraform.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every stack of every environment, synthesized by {@code Main} once per test run and deployment, into
 * {@code target/synth/<deployment>/cdktf.out}, and shared by every test that reads it.
 */
public final class SynthesizedStacks {

    private static final Path ROOT = Path.of("target", "synth");
    private static final Map<String, SynthesizedStacks> SYNTHESIZED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outdir;
    private final Map<String, StackJson> stacks = new ConcurrentHashMap<>();

    private SynthesizedStacks(Path outdir) {
        this.outdir = outdir;
    }

    /** The stacks as {@code Main} synthesizes them for AWS: S3 backends, the environments' accounts. */
    public static SynthesizedStacks forAws() {
        return of("aws", new AwsDeployment());
    }

    /** The stacks as {@code Main} synthesizes them offline: local state and every stand-in. */
    public static SynthesizedStacks offline() {
        return of("offline", new OfflineDeployment());
    }

    private static SynthesizedStacks of(String name, Deployment deployment) {
        return SYNTHESIZED.computeIfAbsent(name, key -> Jsii.locked(() -> {
            // Absolute, and its parent made here: jsii's Node process creates only the last directory.
            Path outdir = ROOT.resolve(key).resolve("cdktf.out").toAbsolutePath();
            try {
                Directories.deleteRecursively(outdir);
                Files.createDirectories(outdir.getParent());
                Main.synthesize(new App(AppConfig.builder().outdir(outdir.toString()).build()), Environments.all(), deployment);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new SynthesizedStacks(outdir);
        }));
    }

    public Path outdir() {
        return outdir;
    }

    /** The directory of one synthesized stack, e.g. {@code database-prod}. */
    public Path directory(String stackId) {
        Path dir = outdir.resolve("stacks").resolve(stackId);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no synthesized stack " + stackId + " in " + outdir);
        }
        return dir;
    }

    /** The synthesized JSON of one stack. */
    public StackJson stack(String stackId) {
        return stacks.computeIfAbsent(stackId, id -> {
            try {
                return new StackJson(Files.readString(directory(id).resolve("cdk.tf.json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code manifest.json}: the stacks and their dependencies. */
    public JsonNode manifest() {
        try {
            return JSON.readTree(outdir.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
