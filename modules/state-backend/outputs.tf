output "bucket_name" {
  description = "Name of the state bucket."
  value       = aws_s3_bucket.this.bucket
}

output "bucket_arn" {
  description = "ARN of the state bucket."
  value       = aws_s3_bucket.this.arn
}

output "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the state (the module-created key, or var.kms_key_arn)."
  value       = local.kms_key_arn
}

output "region" {
  description = "AWS region the state bucket lives in."
  value       = aws_s3_bucket.this.region
}

output "backend_config" {
  description = "Settings for the project's S3 backend (paste into the environment config). The state key (e.g. storefront/<stack-id>.tfstate) is set per stack by the project."
  value = {
    bucket       = aws_s3_bucket.this.bucket
    region       = aws_s3_bucket.this.region
    encrypt      = true
    use_lockfile = true
    kms_key_id   = local.kms_key_arn
  }
}
