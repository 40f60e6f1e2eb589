internal import CMicroHTTPD
import RAHTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One running libmicrohttpd daemon and everything that must outlive it: the retained callback
/// context and the C strings handed over as options. Stopping it joins the worker threads, so no
/// callback can run once `stop()` returns.
///
/// `@unchecked Sendable` because it wraps C handles: `HTTPServer` keeps it inside a `Mutex` and
/// takes it out before calling `stop()`, so the one mutable field is never touched concurrently,
/// and libmicrohttpd's own entry points are thread-safe.
final class Daemon: @unchecked Sendable {
    private var pointer: OpaquePointer?
    private let context: Unmanaged<ServerContext>
    private let cStrings: [UnsafeMutablePointer<CChar>]
    let port: UInt16

    private init(pointer: OpaquePointer, context: Unmanaged<ServerContext>,
                 cStrings: [UnsafeMutablePointer<CChar>], port: UInt16) {
        self.pointer = pointer
        self.context = context
        self.cStrings = cStrings
        self.port = port
    }

    deinit { stop() }

    func stop() {
        guard let daemon = pointer else { return }
        pointer = nil
        MHD_stop_daemon(daemon)
        context.release()
        cStrings.forEach { free($0) }
    }

    /// Binds the socket and starts the worker threads.
    static func start(_ configuration: HTTPServer.Configuration, address: ListenAddress,
                      responder: any Responder) throws(HTTPServerError) -> Daemon {
        if configuration.tls != nil && MHD_is_feature_supported(.FEATURE_TLS) != .YES {
            throw HTTPServerError(.tlsFailed, "this libmicrohttpd was built without TLS support")
        }
        let (fd, port) = try ListeningSocket.open(address, port: configuration.port)
        let context = Unmanaged.passRetained(ServerContext(responder: responder, configuration: configuration))
        var cStrings: [UnsafeMutablePointer<CChar>] = []
        func cString(_ text: String) -> UnsafeMutableRawPointer? {
            guard let copy = strdup(text) else { return nil }
            cStrings.append(copy)
            return UnsafeMutableRawPointer(copy)
        }
        let contextPointer = context.toOpaque()
        var options: [MHD_OptionItem] = [
            MHD_OptionItem(option: .EXTERNAL_LOGGER, value: unsafeBitCast(logMessage, to: Int.self),
                           ptr_value: contextPointer),
            MHD_OptionItem(option: .LISTEN_SOCKET, value: Int(fd), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT, value: configuration.connectionMemoryLimitBytes,
                           ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: configuration.connectionTimeoutSeconds,
                           ptr_value: nil),
            MHD_OptionItem(option: .URI_LOG_CALLBACK, value: unsafeBitCast(uriLogged, to: Int.self),
                           ptr_value: contextPointer),
            MHD_OptionItem(option: .NOTIFY_COMPLETED, value: unsafeBitCast(requestCompleted, to: Int.self),
                           ptr_value: contextPointer),
        ]
        if configuration.threadCount > 1 {
            options.append(MHD_OptionItem(option: .THREAD_POOL_SIZE, value: configuration.threadCount,
                                          ptr_value: nil))
        }
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_USE_ERROR_LOG.rawValue
        if address.isIPv6 {
            flags |= (address.isIPv6Unspecified ? MHD_USE_DUAL_STACK : MHD_USE_IPv6).rawValue
        }
        if let tls = configuration.tls {
            flags |= MHD_USE_TLS.rawValue
            options.append(MHD_OptionItem(option: .HTTPS_MEM_KEY, value: 0, ptr_value: cString(tls.privateKeyPEM)))
            options.append(MHD_OptionItem(option: .HTTPS_MEM_CERT, value: 0, ptr_value: cString(tls.certificatePEM)))
            options.append(MHD_OptionItem(option: .HTTPS_PRIORITIES, value: 0, ptr_value: cString(tls.priorities)))
        }
        options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))

        let started = options.withUnsafeBufferPointer {
            ra_mhd_start(flags, port, accessHandler, contextPointer, $0.baseAddress)
        }
        let messages = context.takeUnretainedValue().finishStartup()
        guard let started else {
            // The descriptor is not closed here: from the moment it is passed as an option,
            // libmicrohttpd owns it and closes it on its failure path (observed with 0.9.75: the
            // descriptor is already invalid here). Closing it again could hit a reused number.
            context.release()
            cStrings.forEach { free($0) }
            let detail = messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")
            let kind: HTTPServerError.Kind = configuration.tls != nil && messages.contains { $0.contains("TLS") || $0.contains("x509") }
                ? .tlsFailed : .startFailed
            throw HTTPServerError(kind, "could not start the HTTP server on \(address.display(port: port))\(detail)")
        }
        return Daemon(pointer: started, context: context, cStrings: cStrings, port: port)
    }
}
