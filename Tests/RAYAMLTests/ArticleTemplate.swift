/// The CloudFormation template from the project's seed article ("Ditching the Access Key"),
/// verbatim: the server must deploy it unchanged.
enum ArticleTemplate {
    static let yaml = """
AWSTemplateFormatVersion: '2010-09-09'
Description: Deploy IAM Roles Anywhere for On‑Premise Workloads

Parameters:
  CACertificateBody:
    Type: String
    Description: The PEM‑encoded public key of your Certificate Authority.

Resources:
  EdgeTrustAnchor:
    Type: AWS::RolesAnywhere::TrustAnchor
    Properties:
      Name: OnPremDataCenterAnchor
      Enabled: true
      Source:
        SourceData:
          X509CertificateData: !Ref CACertificateBody
        SourceType: CERTIFICATE_BUNDLE

  EdgeWorkloadRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: EdgeBackupRole
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: rolesanywhere.amazonaws.com
            Action:
              - sts:AssumeRole
              - sts:TagSession
              - sts:SetSourceIdentity
            Condition:
              StringEquals:
                "aws:PrincipalTag/x509Subject/OU": "DataCenter-Northeast"
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonS3FullAccess   # Scope as needed

  EdgeProfile:
    Type: AWS::RolesAnywhere::Profile
    Properties:
      Name: EdgeServerProfile
      DurationSeconds: 3600   # 1‑hour temporary credentials
      Enabled: true
      RoleArns:
        - !GetAtt EdgeWorkloadRole.Arn
"""

    /// The same template written as JSON by hand, in the same order.
    static let json = """
    {
      "AWSTemplateFormatVersion": "2010-09-09",
      "Description": "Deploy IAM Roles Anywhere for On\u{2011}Premise Workloads",
      "Parameters": {
        "CACertificateBody": {
          "Type": "String",
          "Description": "The PEM\u{2011}encoded public key of your Certificate Authority."
        }
      },
      "Resources": {
        "EdgeTrustAnchor": {
          "Type": "AWS::RolesAnywhere::TrustAnchor",
          "Properties": {
            "Name": "OnPremDataCenterAnchor",
            "Enabled": true,
            "Source": {
              "SourceData": {"X509CertificateData": {"Ref": "CACertificateBody"}},
              "SourceType": "CERTIFICATE_BUNDLE"
            }
          }
        },
        "EdgeWorkloadRole": {
          "Type": "AWS::IAM::Role",
          "Properties": {
            "RoleName": "EdgeBackupRole",
            "AssumeRolePolicyDocument": {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Principal": {"Service": "rolesanywhere.amazonaws.com"},
                "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"],
                "Condition": {"StringEquals": {"aws:PrincipalTag/x509Subject/OU": "DataCenter-Northeast"}}
              }]
            },
            "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]
          }
        },
        "EdgeProfile": {
          "Type": "AWS::RolesAnywhere::Profile",
          "Properties": {
            "Name": "EdgeServerProfile",
            "DurationSeconds": 3600,
            "Enabled": true,
            "RoleArns": [{"Fn::GetAtt": ["EdgeWorkloadRole", "Arn"]}]
          }
        }
      }
    }
    """
}
