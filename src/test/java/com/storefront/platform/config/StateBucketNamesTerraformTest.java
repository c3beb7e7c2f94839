package com.storefront.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storefront.platform.terraform.Terraform;
import com.storefront.platform.testing.TerraformModules;
import com.storefront.platform.testing.TerraformRequired;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The state bucket rule is one rule: {@link StateBucketNames}' good and bad names, which {@code StateBackendConfigTest}
 * feeds to the Java config, fed here to the bucket variable of each module. A root module calls the module once per
 * name ({@code for_each}) and one offline {@code terraform plan -json} reports every name the variable's validation
 * refuses; other errors of the offline plan (the remote state it cannot read) are not the point and are ignored.
 */
@Tag("terraform")
class StateBucketNamesTerraformTest {

    private static final Path WORK = Path.of("target", "terraform-checks");
    private static final Pattern REFUSED_VALUE = Pattern.compile("is \"(.*)\"");

    @TempDir
    Path root;

    @Test
    void stateBackendModuleRefusesExactlyTheBucketNamesTheConfigRefuses() throws IOException {
        Set<String> refused = refusedNames("state-backend", "bucket_name", "");

        assertEquals(new TreeSet<>(StateBucketNames.INVALID), refused);
    }

    @Test
    void databaseAccessModuleRefusesExactlyTheBucketNamesTheConfigRefuses() throws IOException {
        Set<String> refused = refusedNames("database-access", "state_bucket", """
                  environment  = "prod"
                  state_region = "eu-west-1"
                  role_name    = "checkout-service"
                """);

        assertEquals(new TreeSet<>(StateBucketNames.INVALID), refused);
    }

    private Set<String> refusedNames(String module, String variable, String otherInputs) throws IOException {
        Terraform terraform = TerraformRequired.runner(WORK);
        TerraformModules.copyWithoutTests(module, root.resolve("module"));
        List<String> names = new ArrayList<>(StateBucketNames.VALID);
        names.addAll(StateBucketNames.INVALID);
        Files.writeString(root.resolve("main.tf"), """
                provider "aws" {
                  region                      = "eu-west-1"
                  access_key                  = "offline"
                  secret_key                  = "offline"
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                }

                module "check" {
                  for_each = toset([%s])
                  source   = "./module"

                  %s = each.value
                %s}
                """.formatted(names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", ")), variable, otherInputs));
        terraform.run(root, "init", "-backend=false", "-input=false", "-no-color").orThrow(root);

        Terraform.Result plan = terraform.run(root, "plan", "-json", "-refresh=false", "-lock=false", "-input=false", "-no-color");

        Set<String> refused = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : plan.stdout().split("\n")) {
            JsonNode message = line.isBlank() ? json.nullNode() : json.readTree(line);
            if ("Invalid value for variable".equals(message.at("/diagnostic/summary").asText())) {
                for (JsonNode value : message.at("/diagnostic/snippet/values")) {
                    Matcher name = REFUSED_VALUE.matcher(value.path("statement").asText());
                    if (value.path("traversal").asText().equals("var." + variable) && name.matches()) {
                        refused.add(name.group(1));
                    }
                }
            }
        }
        assertTrue(!refused.isEmpty(), "the plan reported no refused names:\n" + plan.stdout() + plan.stderr());
        return refused;
    }
}
