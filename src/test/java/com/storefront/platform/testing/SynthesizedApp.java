package com.storefront.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.storefront.platform.Main;
import com.storefront.platform.config.Environments;
import com.storefront.platform.support.Deployment;
import com.storefront.platform.terraform.Terraform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Every stack of every environment, synthesized by {@code Main} into a directory under {@code target/}. */
public final class SynthesizedApp {

    private final Path outdir;

    private SynthesizedApp(Path outdir) {
        this.outdir = outdir;
    }

    public static SynthesizedApp synthesize(Path outdir, Deployment deployment) {
        try {
            App app = new App(AppConfig.builder().outdir(outdir.toString()).build());
            Main.synthesize(app, Environments.all(), deployment);
            return new SynthesizedApp(outdir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path outdir() {
        return outdir;
    }

    public Path stack(String stackId) {
        Path dir = outdir.resolve("stacks").resolve(stackId);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no synthesized stack " + stackId + " in " + outdir);
        }
        return dir;
    }

    /**
     * Plans {@code stackId} with no refresh, then reads the plan back as JSON.
     */
    public static JsonNode offlinePlan(Terraform terraform, Path stack) {
        terraform.run(stack, "init", "-input=false", "-no-color").orThrow(stack);
        terraform.run(stack, "plan", "-refresh=false", "-input=false", "-no-color", "-out=offline.tfplan").orThrow(stack);
        String json = terraform.run(stack, "show", "-json", "offline.tfplan").orThrow(stack).stdout();
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Planned resource counts by type, for the changes whose actions are exactly {@code actions}. */
    public static Map<String, Integer> countByType(JsonNode plan, String actions) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode change : plan.path("resource_changes")) {
            if (change.path("mode").asText().equals("managed") && change.at("/change/actions").toString().equals(actions)) {
                counts.merge(change.path("type").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
