# The generation-state table (GENERATION_STATE_TABLE): everything the service keeps per learner
# under PK = USER#<userId> (lesson day and claim, per-language state, curriculum words, session
# markers, run records). Layout: adapters-aws/.../dynamodb (StateKeys) and the main README.
resource "aws_dynamodb_table" "generation_state" {
  name         = "${local.name_prefix}-generation-state"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "PK"
  range_key    = "SK"

  # Learner data that cannot be rebuilt from elsewhere: refuse deletes, keep 35 days of PITR.
  deletion_protection_enabled = true

  attribute {
    name = "PK"
    type = "S"
  }

  attribute {
    name = "SK"
    type = "S"
  }

  attribute {
    name = "dueUser"
    type = "S"
  }

  attribute {
    name = "dueOn"
    type = "S"
  }

  # Curriculum words by due date, per learner and language (dueUser = USER#<id>#LANGUAGE#<code>).
  global_secondary_index {
    name            = "DueIndex"
    hash_key        = "dueUser"
    range_key       = "dueOn"
    projection_type = "ALL"
  }

  # Temporary items (session markers, run records) carry expiresAt in epoch seconds.
  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}
