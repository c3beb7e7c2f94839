variable "bucket_name" {
  description = "Name of the S3 bucket that stores the Terraform state of one environment (e.g. `storefront-tfstate-prod-111122223333`). Must follow the S3 general purpose bucket naming rules; dots are rejected because they break TLS for virtual-hosted-style requests and are not allowed in KMS alias names."
  type        = string
  nullable    = false

  # One rule with the Java config's StateBackendConfig and the other module's bucket variable: S3's general purpose
  # bucket naming rules without dots. StateBucketNamesTerraformTest feeds the same names to all three.
  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "The bucket_name must be 3-63 characters long, contain only lowercase letters, digits and hyphens, and begin and end with a letter or digit (dots are not allowed)."
  }

  validation {
    condition = alltrue([
      for prefix in ["amzn-s3-demo-", "sthree-", "xn--"] : !startswith(var.bucket_name, prefix)
    ])
    error_message = "The bucket_name must not start with the prefixes S3 reserves: \"amzn-s3-demo-\", \"sthree-\" or \"xn--\"."
  }

  validation {
    condition = alltrue([
      for suffix in ["--ol-s3", "--table-s3", "--x-s3", "-an", "-s3alias"] : !endswith(var.bucket_name, suffix)
    ])
    error_message = "The bucket_name must not end with the suffixes S3 reserves: \"--ol-s3\", \"--table-s3\", \"--x-s3\", \"-an\" (account regional namespace only) or \"-s3alias\"."
  }
}

variable "kms_key_arn" {
  description = "ARN of an existing customer managed KMS key used for SSE-KMS, in the bucket's region. When null (the default) the module creates its own key with rotation enabled and an alias `alias/<bucket_name>`. An existing key's policy must allow the principals that run Terraform to use it (kms:GenerateDataKey, kms:Decrypt)."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null ? true : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.kms_key_arn))
    error_message = "The kms_key_arn must be null or a KMS key ARN such as arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab (alias ARNs are not accepted)."
  }
}

variable "noncurrent_versions_kept" {
  description = "Number of the newest noncurrent versions of each state object kept whatever their age (S3 keeps 1-100); older ones still expire after noncurrent_version_expiration_days. Null keeps none beyond that age."
  type        = number
  default     = 10

  validation {
    condition     = var.noncurrent_versions_kept == null ? true : var.noncurrent_versions_kept >= 1 && var.noncurrent_versions_kept <= 100 && floor(var.noncurrent_versions_kept) == var.noncurrent_versions_kept
    error_message = "The noncurrent_versions_kept must be null or a whole number from 1 to 100 (S3's NewerNoncurrentVersions), got ${coalesce(var.noncurrent_versions_kept, 0)}."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Number of days after which noncurrent (superseded) versions of state objects are permanently deleted."
  type        = number
  default     = 90
  nullable    = false

  validation {
    condition     = var.noncurrent_version_expiration_days > 0 && floor(var.noncurrent_version_expiration_days) == var.noncurrent_version_expiration_days
    error_message = "The noncurrent_version_expiration_days must be a whole number greater than 0."
  }
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period, in days, before the module-created KMS key is deleted after it is scheduled for deletion. Ignored when kms_key_arn is set."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30 && floor(var.kms_key_deletion_window_in_days) == var.kms_key_deletion_window_in_days
    error_message = "The kms_key_deletion_window_in_days must be a whole number between 7 and 30 (AWS KMS limits)."
  }
}

variable "deny_unencrypted_object_uploads" {
  description = "Whether the bucket policy also denies s3:PutObject requests that ask for a server-side encryption other than aws:kms (e.g. AES256). Requests without an encryption header are still allowed and get the bucket's default SSE-KMS encryption."
  type        = bool
  default     = true
  nullable    = false
}

variable "force_destroy" {
  description = "Whether `terraform destroy` may delete the bucket even though it still contains objects (state files and their versions). Keep false: destroying the bucket destroys every stack's state."
  type        = bool
  default     = false
  nullable    = false
}

variable "tags" {
  description = "Tags applied to every taggable resource created by the module."
  type        = map(string)
  default     = {}
  nullable    = false
}
