terraform {
  # Matches the project's stacks, whose S3 backends use S3-native locking (>= 1.10).
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 6.0"
    }
  }
}
