import Testing
import RACloudFormation

@Suite struct EvaluatorTests {
    static let template = """
        Parameters:
          Env:
            Type: String
            AllowedValues: [prod, dev]
            Default: dev
          Subnets:
            Type: CommaDelimitedList
            Default: "subnet-a, subnet-b,subnet-c"
          Size:
            Type: Number
            Default: 3
        Mappings:
          RegionMap:
            eu-west-1:
              Ami: ami-eu
            us-east-1:
              Ami: ami-us
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsDev: !Not [!Condition IsProd]
          Both: !And [!Condition IsProd, !Condition IsDev]
          Either: !Or [!Condition IsProd, !Condition IsDev]
          SizeIsThree: !Equals [3, !Ref Size]
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
          Queue:
            Type: AWS::SQS::Queue
            Condition: IsProd
          Thing:
            Type: Custom::Thing
            Properties:
              Plain: value
              Optional: !If [IsProd, prod-only, !Ref AWS::NoValue]
              Chosen: !If [IsDev, !Ref Bucket, !GetAtt Queue.Arn]
              List: [a, !Ref AWS::NoValue, !If [IsProd, b, !Ref AWS::NoValue], c]
        """

    private func evaluator(_ given: [String: String] = [:]) throws -> Evaluator {
        let template = try Template.parse(Self.template)
        var resolver = FakeResolver()
        resolver.refs = ["Bucket": "bucket-123"]
        resolver.attributes = ["Bucket": ["Arn": "arn:aws:s3:::bucket-123", "Domain.Name": "bucket.example"]]
        return try Evaluator(template: template, parameters: template.bindParameters(given),
                             pseudoParameters: testPseudo, resolver: resolver)
    }

    private func json(_ text: String) throws -> TemplateValue { try TemplateValue(jsonText: text) }

    /// Each function in long form, evaluated with the default parameters; expected values as JSON.
    @Test(arguments: [
        (#"{"Ref":"Env"}"#, #""dev""#),
        (#"{"Ref":"Subnets"}"#, #"["subnet-a","subnet-b","subnet-c"]"#),
        (#"{"Ref":"Size"}"#, #""3""#),
        (#"{"Ref":"Bucket"}"#, #""bucket-123""#),
        (#"{"Ref":"AWS::AccountId"}"#, #""123456789012""#),
        (#"{"Ref":"AWS::Region"}"#, #""eu-west-1""#),
        (#"{"Ref":"AWS::StackName"}"#, #""edge""#),
        (#"{"Ref":"AWS::StackId"}"#, #""arn:aws:cloudformation:eu-west-1:123456789012:stack/edge/1""#),
        (#"{"Ref":"AWS::Partition"}"#, #""aws""#),
        (#"{"Ref":"AWS::URLSuffix"}"#, #""amazonaws.com""#),
        (#"{"Ref":"AWS::NoValue"}"#, "null"),
        (#"{"Fn::GetAtt":["Bucket","Arn"]}"#, #""arn:aws:s3:::bucket-123""#),
        (#"{"Fn::GetAtt":"Bucket.Arn"}"#, #""arn:aws:s3:::bucket-123""#),
        (#"{"Fn::GetAtt":["Bucket",{"Fn::Join":["",["Ar","n"]]}]}"#, #""arn:aws:s3:::bucket-123""#),
        (#"{"Fn::Join":["-",["a",{"Ref":"Env"},1,true]]}"#, #""a-dev-1-true""#),
        (#"{"Fn::Join":[",",{"Ref":"Subnets"}]}"#, #""subnet-a,subnet-b,subnet-c""#),
        (#"{"Fn::Select":[1,{"Ref":"Subnets"}]}"#, #""subnet-b""#),
        (#"{"Fn::Select":["2",["x","y","z"]]}"#, #""z""#),
        (#"{"Fn::Split":["|","a|b||c"]}"#, #"["a","b","","c"]"#),
        (#"{"Fn::Base64":{"Fn::Sub":"${Env}!"}}"#, #""ZGV2IQ==""#),
        (#"{"Fn::FindInMap":["RegionMap",{"Ref":"AWS::Region"},"Ami"]}"#, #""ami-eu""#),
        (#"{"Fn::GetAZs":""}"#, #"["eu-west-1a","eu-west-1b","eu-west-1c"]"#),
        (#"{"Fn::GetAZs":"us-east-1"}"#, #"["us-east-1a","us-east-1b","us-east-1c"]"#),
        (#"{"Fn::If":["IsProd","p","d"]}"#, #""d""#),
        (#"{"Fn::If":["IsDev",{"Ref":"Bucket"},{"Ref":"Queue"}]}"#, #""bucket-123""#),
        (#"{"Fn::Equals":[{"Ref":"Env"},"dev"]}"#, "true"),
        (#"{"Fn::ToJsonString":{"b":[1,2],"a":"x"}}"#, #""{\"b\":[1,2],\"a\":\"x\"}""#),
        (#"{"Fn::Length":{"Ref":"Subnets"}}"#, "3"),
        (#"{"Outer":{"Ref":"Env"},"Ref":"x"}"#, #"{"Outer":"dev","Ref":"x"}"#),
        (#"{"Condition":{"StringEquals":{"k":"v"}}}"#, #"{"Condition":{"StringEquals":{"k":"v"}}}"#),
    ])
    func intrinsicFunctions(input: String, expected: String) throws {
        #expect(try evaluator().evaluate(json(input)).jsonText == expected)
    }

    @Test(arguments: [
        (#"{"Fn::Sub":"arn:${AWS::Partition}:s3:::${Bucket}/${Env}"}"#, "arn:aws:s3:::bucket-123/dev"),
        (#"{"Fn::Sub":"${Bucket.Arn} and ${Bucket.Domain.Name}"}"#, "arn:aws:s3:::bucket-123 and bucket.example"),
        (#"{"Fn::Sub":"${!Literal} ${ Env } ${} ${unclosed"}"#, "${Literal} dev ${} ${unclosed"),
        (#"{"Fn::Sub":["${Name}-${Env}-${Size}",{"Name":{"Fn::Join":["",["x","y"]]},"Env":"override"}]}"#,
         "xy-override-3"),
        (#"{"Fn::Sub":["${A.B}",{"A.B":"dotted var"}]}"#, "dotted var"),
        (#"{"Fn::Sub":"${AWS::Region}/${AWS::AccountId}"}"#, "eu-west-1/123456789012"),
    ])
    func substitution(input: String, expected: String) throws {
        #expect(try evaluator().evaluate(json(input)) == .string(expected))
    }

    @Test func conditionsFollowParameters() throws {
        let dev = try evaluator()
        #expect(dev.conditionValues == ["IsProd": false, "IsDev": true, "Both": false, "Either": true,
                                        "SizeIsThree": true])
        let prod = try evaluator(["Env": "prod", "Size": "4"])
        #expect(prod.conditionValues == ["IsProd": true, "IsDev": false, "Both": false, "Either": true,
                                         "SizeIsThree": false])
        #expect(try prod.condition("IsProd"))
        #expect(throws: TemplateError(.format, "Unresolved condition dependencies [Nope] in the Resources block of the template")) {
            try prod.condition("Nope")
        }
    }

    @Test func noValueRemovesPropertiesAndElements() throws {
        let dev = try evaluator()
        let thing = try #require(dev.template.resource(named: "Thing"))
        #expect(try dev.properties(of: thing).jsonText
            == #"{"Plain":"value","Chosen":"bucket-123","List":["a","c"]}"#)
        #expect(try dev.creationOrder() == ["Bucket", "Thing"])

        let prod = try evaluator(["Env": "prod"])
        #expect(try prod.creationOrder() == ["Bucket", "Queue", "Thing"])
        #expect(throws: TemplateError(.evaluation, "resource Thing property Chosen: resource Queue does not support "
            + "attribute type Arn in Fn::GetAtt")) {
            try prod.properties(of: thing)
        }
    }

    @Test(arguments: [
        (#"{"Fn::ImportValue":"Shared"}"#, TemplateError(.evaluation, "Fn::ImportValue is not supported by this server")),
        (#"{"Fn::Foo":"x"}"#, TemplateError(.format, "Encountered unsupported function: Fn::Foo")),
        (#"{"Ref":["x"]}"#, TemplateError(.format, "Every Ref object must have a single String value.")),
        (#"{"Ref":"Nope"}"#, TemplateError(.format, "Unresolved resource dependencies [Nope] in the Resources block of the template")),
        (#"{"Ref":"Queue"}"#, TemplateError(.evaluation, "resource Queue has not been created, so Ref Queue cannot be resolved")),
        (#"{"Fn::GetAtt":["Nope","Arn"]}"#, TemplateError(.evaluation, "instance of Fn::GetAtt references undefined resource Nope")),
        (#"{"Fn::GetAtt":"BucketArn"}"#, TemplateError(.evaluation, "every Fn::GetAtt object requires two non-empty parameters")),
        (#"{"Fn::Select":[5,["a"]]}"#, TemplateError(.evaluation, "Fn::Select cannot select nonexistent value at index 5")),
        (#"{"Fn::FindInMap":["RegionMap","ap-south-1","Ami"]}"#, TemplateError(.evaluation, "Unable to get mapping for RegionMap::ap-south-1::Ami")),
        (#"{"Fn::Sub":"${Subnets}"}"#, TemplateError(.evaluation, "variable Subnets in Fn::Sub must resolve to a string")),
        (#"{"Fn::Sub":42}"#, TemplateError(.evaluation, "One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string")),
        (#"{"Fn::If":["IsProd","a"]}"#, TemplateError(.evaluation, "every Fn::If object requires three parameters")),
        (#"{"Fn::Join":["-","notalist"]}"#, TemplateError(.evaluation, "every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.")),
    ])
    func evaluationErrors(input: String, expected: TemplateError) throws {
        let evaluator = try evaluator()
        #expect(throws: expected) { try evaluator.evaluate(json(input)) }
    }
}
