import Testing
import RACloudFormation

@Suite struct ParameterBindingTests {
    static let template = """
        Parameters:
          Env:
            Type: String
            AllowedValues: [prod, dev]
          Name:
            Type: String
            AllowedPattern: "[a-z][a-z0-9-]*"
            MinLength: 3
            MaxLength: 10
            Default: edge
          Code:
            Type: String
            AllowedPattern: "[A-Z]+"
            ConstraintDescription: must be upper-case letters
            Default: ABC
          Duration:
            Type: Number
            MinValue: 900
            MaxValue: 43200
            Default: 3600
          Ports:
            Type: List<Number>
            Default: "80, 443"
          Arns:
            Type: CommaDelimitedList
            Default: ""
          Key:
            Type: AWS::EC2::KeyPair::KeyName
            Default: mykey
          Secret:
            Type: String
            NoEcho: true
        Resources:
          A: {Type: T}
        """

    @Test func bindsDefaultsAndTypes() throws {
        let template = try Template.parse(Self.template)
        #expect(template.parameters.map(\.type)
            == [.string, .string, .string, .number, .numberList, .commaDelimitedList,
                .awsSpecific("AWS::EC2::KeyPair::KeyName"), .string])
        #expect(template.parameter(named: "Secret")?.noEcho == true)
        #expect(template.parameter(named: "Duration")?.defaultValue == "3600")
        let bound = try template.bindParameters(["Env": "prod", "Secret": "s3cr3t", "Arns": "arn:a , arn:b"])
        #expect(bound == [
            "Env": "prod", "Name": "edge", "Code": "ABC", "Duration": "3600", "Ports": ["80", "443"],
            "Arns": ["arn:a", "arn:b"], "Key": "mykey", "Secret": "s3cr3t",
        ])
    }

    @Test(arguments: [
        (["Env": "test"], "Parameter 'Env' must be one of AllowedValues"),
        (["Name": "Edge"], "Parameter 'Name' must match pattern [a-z][a-z0-9-]*"),
        (["Name": "ed"], "Parameter 'Name' must contain at least 3 characters"),
        (["Name": "edge-server-1"], "Parameter 'Name' must contain at most 10 characters"),
        (["Code": "abc"], "Parameter 'Code' failed to satisfy constraint: must be upper-case letters"),
        (["Duration": "an hour"], "Parameter 'Duration' must be a number"),
        (["Duration": "60"], "Parameter 'Duration' must be a number not less than 900"),
        (["Duration": "86400"], "Parameter 'Duration' must be a number not greater than 43200"),
        (["Ports": "80,http"], "Parameter 'Ports' must be a number"),
        (["Region": "x", "Account": "y"], "Parameters: [Account, Region] do not exist in the template"),
        ([:], "Parameters: [Env, Secret] must have values"),
    ])
    func badParameters(extra: [String: String], message: String) throws {
        let template = try Template.parse(Self.template)
        var given = ["Env": "dev", "Secret": "s3cr3t"]
        if extra.isEmpty { given = [:] }
        given.merge(extra) { _, new in new }
        #expect(throws: TemplateError(.validation, message)) { try template.bindParameters(given) }
    }
}
