locals {
  # Same key the project's stacks use for their backend: storefront/<stack-id>.tfstate.
  state_key = coalesce(var.state_key, "storefront/database-${var.environment}.tfstate")
}

data "terraform_remote_state" "database" {
  backend = "s3"

  config = {
    bucket = var.state_bucket
    key    = local.state_key
    region = var.state_region
  }
}

locals {
  database = data.terraform_remote_state.database.outputs

  # try(): an older database stack may not publish these outputs at all.
  writer_policy_arn  = try(local.database.application_connect_policy_arn, null)
  replica_policy_arn = var.include_replicas ? try(local.database.replica_connect_policy_arn, null) : null
}

resource "aws_iam_role_policy_attachment" "writer" {
  role       = var.role_name
  policy_arn = local.writer_policy_arn

  lifecycle {
    precondition {
      condition     = local.writer_policy_arn != null
      error_message = "The state s3://${var.state_bucket}/${local.state_key} has no application_connect_policy_arn output; deploy database-${var.environment} with a project version that publishes it, or check state_bucket, state_key and environment."
    }
  }
}

resource "aws_iam_role_policy_attachment" "replica" {
  count = local.replica_policy_arn == null ? 0 : 1

  role       = var.role_name
  policy_arn = local.replica_policy_arn
}
