# Unit tests for the database-access module. The AWS provider is mocked and the
# database stack's remote state is overridden, so no credentials or network
# access are needed:
#
#   terraform init -backend=false && terraform test

mock_provider "aws" {}

# Outputs of a database-<env> stack with two read replicas.
override_data {
  target = data.terraform_remote_state.database
  values = {
    outputs = {
      writer_endpoint                = "storefront-prod-postgres.abc123.eu-west-1.rds.amazonaws.com"
      proxy_endpoint                 = "storefront-prod-postgres-proxy.proxy-abc123.eu-west-1.rds.amazonaws.com"
      port                           = 5432
      reader_endpoints               = ["storefront-prod-postgres-replica-1.abc123.eu-west-1.rds.amazonaws.com", "storefront-prod-postgres-replica-2.abc123.eu-west-1.rds.amazonaws.com"]
      database_name                  = "storefront"
      application_connect_policy_arn = "arn:aws:iam::111122223333:policy/storefront-prod-database-connect"
      replica_connect_policy_arn     = "arn:aws:iam::111122223333:policy/storefront-prod-database-replica-connect"
      master_secret_arn              = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:storefront-prod-master-AbCdEf"
    }
  }
}

variables {
  environment  = "prod"
  state_bucket = "storefront-prod-tfstate"
  state_region = "eu-west-1"
  role_name    = "checkout-service"
}

run "reads_state_of_the_environments_database_stack" {
  command = plan

  assert {
    condition     = data.terraform_remote_state.database.config.key == "storefront/database-prod.tfstate"
    error_message = "The state key must be storefront/database-<environment>.tfstate, got ${data.terraform_remote_state.database.config.key}."
  }

  assert {
    condition     = data.terraform_remote_state.database.config.bucket == "storefront-prod-tfstate" && data.terraform_remote_state.database.config.region == "eu-west-1"
    error_message = "The remote state must be read from var.state_bucket in var.state_region."
  }

  assert {
    condition     = data.terraform_remote_state.database.backend == "s3"
    error_message = "The remote state must use the s3 backend."
  }
}

run "state_key_can_be_overridden_with_a_legacy_key_without_tfstate_suffix" {
  command = plan

  variables {
    state_key = "legacy/database"
  }

  assert {
    condition     = data.terraform_remote_state.database.config.key == "legacy/database"
    error_message = "var.state_key must replace the derived key, with any suffix the S3 backend reads."
  }
}

run "outputs_pass_the_database_contract_through" {
  command = apply

  assert {
    condition     = output.writer_endpoint == "storefront-prod-postgres.abc123.eu-west-1.rds.amazonaws.com"
    error_message = "writer_endpoint must come from the database stack's output."
  }

  assert {
    condition     = output.proxy_endpoint == "storefront-prod-postgres-proxy.proxy-abc123.eu-west-1.rds.amazonaws.com" && output.writer_connect_endpoint == output.proxy_endpoint
    error_message = "With a proxy, proxy_endpoint must come from the stack's output and writers must connect to it."
  }

  assert {
    condition     = output.reader_endpoints == tolist(["storefront-prod-postgres-replica-1.abc123.eu-west-1.rds.amazonaws.com", "storefront-prod-postgres-replica-2.abc123.eu-west-1.rds.amazonaws.com"])
    error_message = "reader_endpoints must come from the database stack's output, in order."
  }

  assert {
    condition     = output.port == 5432
    error_message = "port must come from the database stack's output."
  }

  assert {
    condition     = output.database_name == "storefront"
    error_message = "database_name must come from the database stack's output."
  }
}

run "attaches_writer_policy_to_the_role" {
  command = apply

  assert {
    condition     = aws_iam_role_policy_attachment.writer.role == "checkout-service"
    error_message = "The writer policy must be attached to var.role_name."
  }

  assert {
    condition     = aws_iam_role_policy_attachment.writer.policy_arn == "arn:aws:iam::111122223333:policy/storefront-prod-database-connect"
    error_message = "The writer attachment must use application_connect_policy_arn."
  }
}

run "attaches_replica_policy_by_default" {
  command = apply

  assert {
    condition     = length(aws_iam_role_policy_attachment.replica) == 1
    error_message = "The replica policy must be attached when include_replicas is true (the default) and the stack publishes one."
  }

  assert {
    condition     = aws_iam_role_policy_attachment.replica[0].role == "checkout-service" && aws_iam_role_policy_attachment.replica[0].policy_arn == "arn:aws:iam::111122223333:policy/storefront-prod-database-replica-connect"
    error_message = "The replica attachment must attach replica_connect_policy_arn to var.role_name."
  }

  assert {
    condition = output.attached_policy_arns == tolist([
      "arn:aws:iam::111122223333:policy/storefront-prod-database-connect",
      "arn:aws:iam::111122223333:policy/storefront-prod-database-replica-connect",
    ])
    error_message = "attached_policy_arns must list the writer policy, then the replica policy."
  }
}

run "skips_replica_policy_when_include_replicas_is_false" {
  command = apply

  variables {
    include_replicas = false
  }

  assert {
    condition     = length(aws_iam_role_policy_attachment.replica) == 0
    error_message = "No replica policy must be attached when include_replicas is false."
  }

  assert {
    condition     = output.attached_policy_arns == tolist(["arn:aws:iam::111122223333:policy/storefront-prod-database-connect"])
    error_message = "attached_policy_arns must list only the writer policy when include_replicas is false."
  }
}

run "skips_replica_policy_when_environment_has_no_replicas" {
  command = apply

  override_data {
    target = data.terraform_remote_state.database
    values = {
      outputs = {
        writer_endpoint                = "storefront-dev-postgres.abc123.eu-west-1.rds.amazonaws.com"
        port                           = 5432
        reader_endpoints               = []
        database_name                  = "storefront"
        application_connect_policy_arn = "arn:aws:iam::111122223333:policy/storefront-dev-database-connect"
        replica_connect_policy_arn     = null
      }
    }
  }

  assert {
    condition     = length(aws_iam_role_policy_attachment.replica) == 0
    error_message = "No replica policy must be attached when replica_connect_policy_arn is null."
  }

  assert {
    condition     = output.attached_policy_arns == tolist(["arn:aws:iam::111122223333:policy/storefront-dev-database-connect"])
    error_message = "attached_policy_arns must list only the writer policy when the stack has no replica policy."
  }

  assert {
    condition     = length(output.reader_endpoints) == 0
    error_message = "reader_endpoints must be empty when the environment has no replicas."
  }

  assert {
    condition     = output.proxy_endpoint == null && output.writer_connect_endpoint == "storefront-dev-postgres.abc123.eu-west-1.rds.amazonaws.com"
    error_message = "Without a proxy, proxy_endpoint must be null and writers must connect to the primary."
  }
}

run "rejects_state_without_writer_policy" {
  command = plan

  override_data {
    target = data.terraform_remote_state.database
    values = {
      outputs = {
        writer_endpoint  = "storefront-prod-postgres.abc123.eu-west-1.rds.amazonaws.com"
        port             = 5432
        reader_endpoints = []
        database_name    = "storefront"
      }
    }
  }

  expect_failures = [aws_iam_role_policy_attachment.writer]
}

run "rejects_uppercase_environment" {
  command = plan

  variables {
    environment = "Prod"
  }

  expect_failures = [var.environment]
}

run "rejects_too_long_environment" {
  command = plan

  variables {
    environment = "production1"
  }

  expect_failures = [var.environment]
}

run "rejects_role_arn_as_role_name" {
  command = plan

  variables {
    role_name = "arn:aws:iam::111122223333:role/checkout-service"
  }

  expect_failures = [var.role_name]
}

run "rejects_too_long_role_name" {
  command = plan

  variables {
    role_name = "checkout-service-with-a-name-that-is-far-too-long-for-iam-roles-x"
  }

  expect_failures = [var.role_name]
}

run "rejects_bucket_name_with_dots" {
  command = plan

  variables {
    state_bucket = "storefront.prod.tfstate"
  }

  expect_failures = [var.state_bucket]
}

run "rejects_account_regional_namespace_suffix" {
  command = plan

  variables {
    state_bucket = "storefront-tfstate-111122223333-eu-west-1-an"
  }

  expect_failures = [var.state_bucket]
}

run "rejects_malformed_region" {
  command = plan

  variables {
    state_region = "Ireland"
  }

  expect_failures = [var.state_region]
}

run "rejects_state_key_ending_with_a_slash" {
  command = plan

  variables {
    state_key = "storefront/database-prod/"
  }

  expect_failures = [var.state_key]
}

run "rejects_state_key_with_an_empty_path_segment" {
  command = plan

  variables {
    state_key = "storefront//database-prod.tfstate"
  }

  expect_failures = [var.state_key]
}
