terraform {
  # 1.6: `check` blocks, the `startswith`/`endswith` functions and the validation behaviour relied on below.
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.20 is the first release whose runtime enum accepts java25 (java21 needs 5.27 or later);
      # 6.x also reads the region from data.aws_region as `region` (`name` is deprecated).
      version = ">= 6.20, < 7.0"
    }
  }
}

# This folder is a root module: one stack per environment, applied on its own (see README.md).
# Add a backend block (e.g. S3 with a lock table) in a backend.tf per your organisation's convention.
provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = var.project
      Environment = var.environment
      Service     = "package-generation-service"
      ManagedBy   = "terraform"
    }
  }
}
