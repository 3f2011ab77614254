# package.generated events (PACKAGE_GENERATED_TOPIC_ARN). Standard, not FIFO: each event carries a
# deterministic eventId, so subscribers de-duplicate and order does not matter.
resource "aws_sns_topic" "package_generated" {
  name = "${local.name_prefix}-package-generated"
  # The AWS managed key: its key policy lets the account's principals use it through SNS, so the
  # function needs no KMS permission. A customer managed key would need kms:GenerateDataKey and
  # kms:Decrypt for the function, and a key policy for each subscriber.
  kms_master_key_id = "alias/aws/sns"
}
