import Foundation
import RACommandLine
import RAHelperKit

/// The flags `serve` and `update` add for running unattended: how much to log and when to
/// refresh. Neither exists in the official helper, whose users asked for both.
struct DaemonOptions {
    /// - Parameter refreshWindow: the command's default: 600 s for `serve` (the official one
    ///   refreshes once less than 10 minutes remain), 300 s for `update` (its official value).
    static func flags(refreshWindow: Int) -> [Flag] {
        [
            .string("log-level", default: "info", usage: "Least severity logged to stderr: debug, info, warn or error "
                + "(--debug implies debug)"),
            .int("refresh-window", default: refreshWindow,
                 usage: "Refresh the credentials this many seconds before they expire"),
        ]
    }

    var logger: HelperLogger
    var policy: RefreshPolicy

    /// - Parameter quietByDefault: log only warnings and errors unless `--log-level` or `--debug`
    ///   was given (`update --once` prints nothing on success, as the official helper).
    init(_ flags: FlagValues, quietByDefault: Bool = false) throws(CLIError) {
        let name = flags.string("log-level")
        guard var level = LogLevel(name: name) else {
            throw CLIError(message: "invalid log level \"\(name)\": use debug, info, warn or error")
        }
        if quietByDefault && !flags.isSet("log-level") { level = .warning }
        if flags.bool("debug") { level = .debug }
        let window = flags.int("refresh-window")
        guard window >= 0 else {
            throw CLIError(message: "invalid refresh window \(window): it must be zero or more seconds")
        }
        logger = StandardErrorLog.logger(level: level)
        policy = RefreshPolicy(refreshWindow: TimeInterval(window))
    }
}
