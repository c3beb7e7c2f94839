# Unit tests for the state-backend module. They run entirely against a mocked
# AWS provider, so no credentials or network access are needed:
#
#   terraform init -backend=false && terraform test

mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::storefront-tfstate-test\",\"arn:aws:s3:::storefront-tfstate-test/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"
    }
  }

  mock_data "aws_region" {
    defaults = {
      name = "eu-central-1"
    }
  }

  mock_resource "aws_s3_bucket" {
    # The provider sets a bucket's id to its name; a mock id of its own shows what is wired to the bucket resource
    # rather than to the variable.
    defaults = {
      id     = "storefront-tfstate-test-mock-id"
      arn    = "arn:aws:s3:::storefront-tfstate-test"
      region = "eu-central-1"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn    = "arn:aws:kms:eu-central-1:111122223333:key/11111111-2222-3333-4444-555555555555"
      key_id = "11111111-2222-3333-4444-555555555555"
    }
  }
}

variables {
  bucket_name = "storefront-tfstate-test"
}

run "defaults_create_secure_versioned_bucket" {
  command = apply

  assert {
    condition     = aws_s3_bucket.this.bucket == "storefront-tfstate-test"
    error_message = "Bucket name does not match var.bucket_name."
  }

  assert {
    condition     = aws_s3_bucket.this.force_destroy == false
    error_message = "force_destroy must default to false."
  }

  assert {
    condition     = aws_s3_bucket_versioning.this.versioning_configuration[0].status == "Enabled"
    error_message = "Versioning must be Enabled."
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.this.rule : one(r.apply_server_side_encryption_by_default).sse_algorithm]) == "aws:kms"
    error_message = "Default encryption must be SSE-KMS (aws:kms)."
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.this.rule : r.bucket_key_enabled]) == true
    error_message = "S3 Bucket Key must be enabled."
  }

  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.this.block_public_acls,
      aws_s3_bucket_public_access_block.this.block_public_policy,
      aws_s3_bucket_public_access_block.this.ignore_public_acls,
      aws_s3_bucket_public_access_block.this.restrict_public_buckets,
    ])
    error_message = "All four public access block flags must be true."
  }

  assert {
    condition = alltrue([
      for b in [
        aws_s3_bucket_ownership_controls.this.bucket,
        aws_s3_bucket_public_access_block.this.bucket,
        aws_s3_bucket_versioning.this.bucket,
        aws_s3_bucket_server_side_encryption_configuration.this.bucket,
        aws_s3_bucket_lifecycle_configuration.this.bucket,
        aws_s3_bucket_policy.this.bucket,
      ] : b == aws_s3_bucket.this.id && b == "storefront-tfstate-test-mock-id"
    ])
    error_message = "Every bucket sub-resource must be attached to the state bucket resource."
  }

  assert {
    condition     = aws_s3_bucket_ownership_controls.this.rule[0].object_ownership == "BucketOwnerEnforced"
    error_message = "Object ownership must be BucketOwnerEnforced."
  }

  assert {
    condition     = aws_s3_bucket_lifecycle_configuration.this.rule[0].noncurrent_version_expiration[0].noncurrent_days == 90
    error_message = "Noncurrent versions must expire after 90 days by default."
  }

  assert {
    condition     = aws_s3_bucket_lifecycle_configuration.this.rule[0].noncurrent_version_expiration[0].newer_noncurrent_versions == 10
    error_message = "The 10 newest noncurrent versions must be kept whatever their age by default."
  }

  assert {
    condition     = aws_s3_bucket_lifecycle_configuration.this.rule[0].abort_incomplete_multipart_upload[0].days_after_initiation == 7
    error_message = "Incomplete multipart uploads must be aborted after 7 days."
  }

  assert {
    condition     = aws_s3_bucket_lifecycle_configuration.this.rule[0].status == "Enabled"
    error_message = "The lifecycle rule must be enabled."
  }
}

run "defaults_create_rotating_kms_key_with_alias" {
  command = apply

  assert {
    condition     = length(aws_kms_key.this) == 1 && length(aws_kms_alias.this) == 1
    error_message = "Without kms_key_arn the module must create one KMS key and one alias."
  }

  assert {
    condition     = aws_kms_key.this[0].enable_key_rotation == true
    error_message = "Key rotation must be enabled on the module-created key."
  }

  assert {
    condition     = aws_kms_key.this[0].deletion_window_in_days == 30
    error_message = "The key deletion window must default to 30 days."
  }

  assert {
    condition     = aws_kms_alias.this[0].name == "alias/storefront-tfstate-test"
    error_message = "The alias must be alias/<bucket_name>."
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.this.rule : one(r.apply_server_side_encryption_by_default).kms_master_key_id]) == "arn:aws:kms:eu-central-1:111122223333:key/11111111-2222-3333-4444-555555555555"
    error_message = "Default encryption must use the module-created KMS key."
  }

  assert {
    condition     = output.kms_key_arn == "arn:aws:kms:eu-central-1:111122223333:key/11111111-2222-3333-4444-555555555555"
    error_message = "Output kms_key_arn must be the module-created key's ARN."
  }
}

run "bucket_policy_denies_insecure_transport_and_non_kms_uploads" {
  command = apply

  assert {
    condition = anytrue([
      for s in data.aws_iam_policy_document.this.statement :
      s.effect == "Deny" && contains(s.actions, "s3:*") &&
      contains(s.resources, "arn:aws:s3:::storefront-tfstate-test") &&
      contains(s.resources, "arn:aws:s3:::storefront-tfstate-test/*") &&
      anytrue([for p in s.principals : p.type == "*" && p.identifiers == toset(["*"])]) &&
      anytrue([
        for c in s.condition :
        c.test == "Bool" && c.variable == "aws:SecureTransport" && c.values == tolist(["false"])
      ])
    ])
    error_message = "The bucket policy must deny every S3 action on the bucket and its objects when aws:SecureTransport is false."
  }

  assert {
    condition = anytrue([
      for s in data.aws_iam_policy_document.this.statement :
      s.effect == "Deny" && contains(s.actions, "s3:PutObject") &&
      anytrue([for p in s.principals : p.type == "*" && p.identifiers == toset(["*"])]) &&
      anytrue([
        # IfExists: a request without the header gets the bucket's default, SSE-KMS; StringEquals would deny every KMS upload.
        for c in s.condition :
        c.test == "StringNotEqualsIfExists" && c.variable == "s3:x-amz-server-side-encryption" && c.values == tolist(["aws:kms"])
      ])
    ])
    error_message = "By default the bucket policy must deny PutObject requests asking for non-KMS encryption."
  }

  assert {
    condition     = aws_s3_bucket_policy.this.policy == data.aws_iam_policy_document.this.json
    error_message = "The bucket policy must be the rendered aws_iam_policy_document."
  }
}

run "non_kms_upload_deny_can_be_disabled" {
  command = plan

  variables {
    deny_unencrypted_object_uploads = false
  }

  assert {
    condition     = length(data.aws_iam_policy_document.this.statement) == 1 && data.aws_iam_policy_document.this.statement[0].sid == "DenyInsecureTransport"
    error_message = "With deny_unencrypted_object_uploads = false only the TLS deny statement must remain."
  }
}

run "backend_config_output" {
  command = apply

  assert {
    condition = output.backend_config == {
      bucket       = "storefront-tfstate-test"
      region       = "eu-central-1"
      encrypt      = true
      use_lockfile = true
      kms_key_id   = "arn:aws:kms:eu-central-1:111122223333:key/11111111-2222-3333-4444-555555555555"
    }
    error_message = "backend_config must carry bucket, region, encrypt, use_lockfile and kms_key_id."
  }

  assert {
    condition     = output.region == "eu-central-1" && output.bucket_arn == "arn:aws:s3:::storefront-tfstate-test" && output.bucket_name == "storefront-tfstate-test"
    error_message = "bucket_name, bucket_arn and region outputs must come from the bucket."
  }
}

run "overrides_are_applied" {
  command = apply

  variables {
    noncurrent_version_expiration_days = 30
    noncurrent_versions_kept           = 3
    kms_key_deletion_window_in_days    = 7
    force_destroy                      = true
    tags = {
      Project     = "storefront"
      Environment = "test"
    }
  }

  assert {
    condition     = aws_s3_bucket_lifecycle_configuration.this.rule[0].noncurrent_version_expiration[0].noncurrent_days == 30
    error_message = "noncurrent_version_expiration_days must be passed to the lifecycle rule."
  }

  assert {
    condition     = aws_s3_bucket_lifecycle_configuration.this.rule[0].noncurrent_version_expiration[0].newer_noncurrent_versions == 3
    error_message = "noncurrent_versions_kept must be passed to the lifecycle rule."
  }

  assert {
    condition     = aws_kms_key.this[0].deletion_window_in_days == 7
    error_message = "kms_key_deletion_window_in_days must be passed to the KMS key."
  }

  assert {
    condition     = aws_s3_bucket.this.force_destroy == true
    error_message = "force_destroy must be passed to the bucket."
  }

  assert {
    condition     = aws_s3_bucket.this.tags["Project"] == "storefront" && aws_kms_key.this[0].tags["Environment"] == "test"
    error_message = "tags must be applied to the bucket and the KMS key."
  }
}

run "existing_kms_key_is_used_and_none_created" {
  command = apply

  variables {
    kms_key_arn = "arn:aws:kms:eu-central-1:444455556666:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
  }

  assert {
    condition     = length(aws_kms_key.this) == 0
    error_message = "No KMS key must be created when kms_key_arn is given."
  }

  assert {
    condition     = length(aws_kms_alias.this) == 0
    error_message = "No KMS alias must be created when kms_key_arn is given."
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.this.rule : one(r.apply_server_side_encryption_by_default).kms_master_key_id]) == "arn:aws:kms:eu-central-1:444455556666:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    error_message = "Default encryption must use the given KMS key."
  }

  assert {
    condition     = output.kms_key_arn == "arn:aws:kms:eu-central-1:444455556666:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" && output.backend_config.kms_key_id == output.kms_key_arn
    error_message = "Outputs kms_key_arn and backend_config.kms_key_id must be the given key."
  }
}

run "rejects_uppercase_bucket_name" {
  command = plan

  variables {
    bucket_name = "Storefront-TFState"
  }

  expect_failures = [var.bucket_name]
}

run "rejects_bucket_name_with_dots" {
  command = plan

  variables {
    bucket_name = "storefront.tfstate.prod"
  }

  expect_failures = [var.bucket_name]
}

run "rejects_reserved_bucket_name_prefix" {
  command = plan

  variables {
    bucket_name = "xn--storefront-tfstate"
  }

  expect_failures = [var.bucket_name]
}

run "rejects_account_regional_namespace_suffix" {
  command = plan

  variables {
    bucket_name = "storefront-tfstate-111122223333-eu-west-1-an"
  }

  expect_failures = [var.bucket_name]
}

run "rejects_more_noncurrent_versions_kept_than_s3_allows" {
  command = plan

  variables {
    noncurrent_versions_kept = 101
  }

  expect_failures = [var.noncurrent_versions_kept]
}

run "rejects_zero_noncurrent_days" {
  command = plan

  variables {
    noncurrent_version_expiration_days = 0
  }

  expect_failures = [var.noncurrent_version_expiration_days]
}

run "rejects_out_of_range_key_deletion_window" {
  command = plan

  variables {
    kms_key_deletion_window_in_days = 45
  }

  expect_failures = [var.kms_key_deletion_window_in_days]
}

run "rejects_malformed_kms_key_arn" {
  command = plan

  variables {
    kms_key_arn = "alias/storefront-tfstate"
  }

  expect_failures = [var.kms_key_arn]
}

run "rejects_an_existing_kms_key_of_another_region" {
  command = plan

  variables {
    kms_key_arn = "arn:aws:kms:eu-west-1:444455556666:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
  }

  expect_failures = [aws_s3_bucket_server_side_encryption_configuration.this]
}
