package com.storefront.platform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.storefront.platform.terraform.Terraform;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackPlannerTest {

    @Test
    void readsEveryAddressTerraformRefusesToDestroyEvenWhenItsMessageIsWrapped() {
        Terraform.Result refused = new Terraform.Result("terraform plan", 1, "", """

                Error: Instance cannot be destroyed

                  on cdk.tf.json line 210:
                 210:       "postgres_primary_11FB0C6D": {

                Resource aws_db_instance.postgres_primary_11FB0C6D has
                lifecycle.prevent_destroy set, but the plan calls for this resource to be
                destroyed. To avoid this error and continue with the plan, either disable
                lifecycle.prevent_destroy or reduce the scope of the plan using the -target
                option.

                Error: Instance cannot be destroyed

                Resource aws_kms_key.key_F64E54E4 has lifecycle.prevent_destroy set, but the
                plan calls for this resource to be destroyed.
                """);

        Set<String> addresses = StackPlanner.preventDestroyRefusals(refused);

        assertEquals(Set.of("aws_db_instance.postgres_primary_11FB0C6D", "aws_kms_key.key_F64E54E4"), addresses);
    }
}
