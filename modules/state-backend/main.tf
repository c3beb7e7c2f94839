locals {
  create_kms_key = var.kms_key_arn == null
  kms_key_arn    = local.create_kms_key ? aws_kms_key.this[0].arn : var.kms_key_arn
  # Terraform's || does not short-circuit: null stands for "no key of the caller's to check".
  kms_key_region = local.create_kms_key ? null : split(":", var.kms_key_arn)[3]

  # Multipart uploads that never complete are aborted after this many days.
  abort_incomplete_multipart_upload_days = 7
}

################################################################################
# KMS key (only when no existing key is given)
################################################################################

resource "aws_kms_key" "this" {
  count = local.create_kms_key ? 1 : 0

  description             = "Encrypts the Terraform state stored in s3://${var.bucket_name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  count = local.create_kms_key ? 1 : 0

  name          = "alias/${var.bucket_name}"
  target_key_id = aws_kms_key.this[0].key_id
}

################################################################################
# Bucket
################################################################################

resource "aws_s3_bucket" "this" {
  bucket        = var.bucket_name
  force_destroy = var.force_destroy

  tags = var.tags
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

data "aws_region" "current" {}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  lifecycle {
    precondition {
      # S3 takes any key here without checking it, then refuses every write: SSE-KMS uses a key of the bucket's region.
      condition     = local.kms_key_region == null || local.kms_key_region == data.aws_region.current.name
      error_message = "The kms_key_arn must be a key in the bucket's region (${data.aws_region.current.name}), got one in ${coalesce(local.kms_key_region, "none")}: S3 encrypts objects only with a key of its own region, so every state write would fail. Use a key (or a multi-Region replica) in ${data.aws_region.current.name}, or leave kms_key_arn null."
    }
  }

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = local.kms_key_arn
    }

    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "state-housekeeping"
    status = "Enabled"

    # Applies to every object in the bucket.
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
      # The newest superseded versions stay whatever their age: a state deleted or spoiled unnoticed keeps a good one.
      newer_noncurrent_versions = var.noncurrent_versions_kept
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = local.abort_incomplete_multipart_upload_days
    }
  }

  # Lifecycle rules on noncurrent versions only make sense once versioning is on.
  depends_on = [aws_s3_bucket_versioning.this]
}

################################################################################
# Bucket policy
################################################################################

data "aws_iam_policy_document" "this" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]

    resources = [
      aws_s3_bucket.this.arn,
      "${aws_s3_bucket.this.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  dynamic "statement" {
    for_each = var.deny_unencrypted_object_uploads ? [1] : []

    content {
      sid       = "DenyNonKmsEncryptedObjectUploads"
      effect    = "Deny"
      actions   = ["s3:PutObject"]
      resources = ["${aws_s3_bucket.this.arn}/*"]

      principals {
        type        = "*"
        identifiers = ["*"]
      }

      # Only requests that explicitly ask for another algorithm (e.g. AES256) are
      # denied; requests without the header get the bucket default (SSE-KMS).
      condition {
        test     = "StringNotEqualsIfExists"
        variable = "s3:x-amz-server-side-encryption"
        values   = ["aws:kms"]
      }
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.this.json

  # Avoid racing the public access block on the same bucket.
  depends_on = [aws_s3_bucket_public_access_block.this]
}
