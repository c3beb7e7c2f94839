terraform {
  # use_lockfile (S3-native state locking) in the consuming backends needs >= 1.10.
  required_version = ">= 1.10"

  required_providers {
    # The stacks' own floor: earlier 5.x releases mishandle the empty lifecycle filter {} (provider issue #41278).
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 6.0"
    }
  }
}
