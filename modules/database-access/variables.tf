variable "environment" {
  description = "Environment whose database to use (e.g. `dev`, `staging`, `prod`). Selects the state of the `database-<environment>` stack."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "The environment must be 2-10 characters long, start with a lowercase letter and contain only lowercase letters and digits (e.g. \"prod\"), got \"${var.environment}\"."
  }
}

variable "state_bucket" {
  description = "Name of the S3 bucket holding the environment's Terraform state (e.g. `storefront-prod-tfstate`), as created by `modules/state-backend`. Dots are rejected: they break TLS for the virtual-hosted-style requests the S3 backend makes."
  type        = string
  nullable    = false

  # One rule with the Java config's StateBackendConfig and the other module's bucket variable: S3's general purpose
  # bucket naming rules without dots. StateBucketNamesTerraformTest feeds the same names to all three.
  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.state_bucket))
    error_message = "The state_bucket must be 3-63 characters long, contain only lowercase letters, digits and hyphens, and begin and end with a letter or digit (dots are not allowed), got \"${var.state_bucket}\"."
  }

  validation {
    condition = alltrue([
      for prefix in ["amzn-s3-demo-", "sthree-", "xn--"] : !startswith(var.state_bucket, prefix)
    ])
    error_message = "The state_bucket must not start with the prefixes S3 reserves: \"amzn-s3-demo-\", \"sthree-\" or \"xn--\", got \"${var.state_bucket}\"."
  }

  validation {
    condition = alltrue([
      for suffix in ["--ol-s3", "--table-s3", "--x-s3", "-an", "-s3alias"] : !endswith(var.state_bucket, suffix)
    ])
    error_message = "The state_bucket must not end with the suffixes S3 reserves: \"--ol-s3\", \"--table-s3\", \"--x-s3\", \"-an\" (account regional namespace only) or \"-s3alias\", got \"${var.state_bucket}\"."
  }
}

variable "state_region" {
  description = "AWS region of the state bucket (e.g. `eu-west-1`)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$", var.state_region))
    error_message = "The state_region must be an AWS region code such as \"eu-west-1\" or \"us-gov-west-1\", got \"${var.state_region}\"."
  }
}

variable "state_key" {
  description = "Key of the database stack's state object in the bucket. Default: null, meaning `storefront/database-<environment>.tfstate`, the key the project's stacks use."
  type        = string
  default     = null

  validation {
    # The S3 backend's own rule for key (which terraform_remote_state applies): not empty, no "/" at either end, no
    # "//". Any suffix will do: legacy keys without ".tfstate" are what this variable is for.
    condition     = var.state_key == null ? true : var.state_key != "" && !startswith(var.state_key, "/") && !endswith(var.state_key, "/") && !strcontains(var.state_key, "//")
    error_message = "The state_key must be null or an S3 key that neither starts nor ends with \"/\" and has no \"//\" (e.g. \"storefront/database-prod.tfstate\"), got \"${coalesce(var.state_key, "null")}\"."
  }
}

variable "role_name" {
  description = "Name (not ARN) of the caller's IAM role, e.g. the application's task or instance role, to which the database connect policies are attached."
  type        = string
  nullable    = false

  validation {
    # IAM role names: 1-64 characters from letters, digits and + = , . @ _ -
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", var.role_name))
    error_message = "The role_name must be an IAM role name (not an ARN or path): 1-64 characters from letters, digits and + = , . @ _ -, got \"${var.role_name}\"."
  }
}

variable "include_replicas" {
  description = "Whether to also attach the policy allowing IAM connections to the read replicas. Default: true; nothing is attached when the database stack publishes no replica policy (an environment without replicas)."
  type        = bool
  default     = true
  nullable    = false
}
