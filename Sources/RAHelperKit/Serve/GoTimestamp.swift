import Foundation
import RAWire

/// Timestamps as Go's `encoding/json` writes a `time.Time` (layout `time.RFC3339Nano`), which is
/// what the official helper's IMDS document carries: the fraction without trailing zeros (none
/// at all for whole seconds), then `Z` for a zero offset or `±hh:mm`.
enum GoTimestamp {
    /// - Parameter offsetSeconds: the zone's offset from UTC at `date` (0 gives `Z`).
    static func rfc3339Nano(_ date: Date, offsetSeconds: Int) -> String {
        let shifted = date.addingTimeInterval(TimeInterval(offsetSeconds))
        var text = RFC3339.format(shifted)  // whole seconds, ends in "Z"
        text.removeLast()
        let seconds = shifted.timeIntervalSince1970
        let micros = min(999_999, Int(((seconds - seconds.rounded(.down)) * 1_000_000).rounded()))
        if micros > 0 {
            var digits = String(micros)
            digits = String(repeating: "0", count: 6 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + zone(offsetSeconds)
    }

    private static func zone(_ offsetSeconds: Int) -> String {
        guard offsetSeconds != 0 else { return "Z" }
        let magnitude = abs(offsetSeconds) / 60
        let hours = magnitude / 60
        let minutes = magnitude % 60
        return (offsetSeconds < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":"
            + (minutes < 10 ? "0" : "") + String(minutes)
    }
}
