package com.storefront.platform.deployment;

import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The {@code moved} blocks of one stack: each tells Terraform that a resource declared at a new address is the one
 * deployed at an old address, so the plan keeps it instead of destroying it and creating it anew.
 *
 * <p>CDKTF's {@code moveFromId} writes the same blocks, but then every synthesis of the stack runs
 * {@code terraform version} to check for Terraform 1.5: synthesis fails where Terraform is not installed (a CI job
 * that synthesizes in one container and plans in another) and starts a process per stack. The stacks'
 * {@code required_version} ({@link EnvironmentStack#TERRAFORM_CONSTRAINT}) has Terraform itself refuse an older
 * version before it plans.
 */
public final class StateMoves extends Construct {

    private static final String ID = "state-moves";

    private final List<Map<String, String>> blocks = new ArrayList<>();

    private StateMoves(TerraformStack stack) {
        super(stack, ID);
    }

    /**
     * Declares that {@code resource} is what Terraform's state holds at {@code fromAddress} (a resource type and
     * logical id, e.g. {@code aws_s3_bucket.logs_1A2B3C4D}), and returns it.
     */
    public static <T extends TerraformResource> T movedFrom(String fromAddress, T resource) {
        TerraformStack stack = TerraformStack.of(resource);
        StateMoves moves = stack.getNode().tryFindChild(ID) instanceof StateMoves existing ? existing : new StateMoves(stack);
        moves.blocks.add(Map.of("from", fromAddress, "to", ResourceAddress.of(resource)));
        // An override replaces a list as a whole: each call writes every block of the stack.
        stack.addOverride("moved", List.copyOf(moves.blocks));
        return resource;
    }
}
