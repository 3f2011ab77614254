# The function's own log group, created before the function so that retention applies from the
# first line and the function's role needs no logs:CreateLogGroup.
resource "aws_cloudwatch_log_group" "function" {
  name              = "/aws/lambda/${local.function_name}"
  retention_in_days = var.log_retention_days
}
