print("aws_signing_helper: not yet")
