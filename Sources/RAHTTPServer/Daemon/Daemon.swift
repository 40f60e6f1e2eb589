internal import CMicroHTTPD
import RAHTTP

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
        cStrings.forEach { $0.deallocate() }
    }

    /// Binds the socket and starts the worker threads.
    static func start(_ configuration: HTTPServer.Configuration, address: ListenAddress,
                      responder: any Responder) throws(HTTPServerError) -> Daemon {
        if configuration.tls != nil && MHD_is_feature_supported(.FEATURE_TLS) != .YES {
            throw HTTPServerError(.tlsFailed, "this libmicrohttpd was built without TLS support")
        }
        let (fd, port) = try ListeningSocket.open(address, port: configuration.port, hopLimit: configuration.hopLimit)
        let context = Unmanaged.passRetained(ServerContext(responder: responder, configuration: configuration))
        var cStrings: [UnsafeMutablePointer<CChar>] = []
        let options = Self.options(configuration, listening: fd, context: context.toOpaque(), cStrings: &cStrings)
        let started = options.withUnsafeBufferPointer {
            ra_mhd_start(flags(configuration, address), port, accessHandler, context.toOpaque(), $0.baseAddress)
        }
        let messages = context.takeUnretainedValue().finishStartup()
        guard let started else {
            // The descriptor is not closed here: from the moment it is passed as an option,
            // libmicrohttpd owns it and closes it on its failure path (observed with 0.9.75: the
            // descriptor is already invalid here). Closing it again could hit a reused number.
            context.release()
            cStrings.forEach { $0.deallocate() }
            let detail = messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")
            let mentionsTLS = messages.contains { $0.contains("TLS") || $0.contains("x509") || $0.contains("priorities") }
            let kind: HTTPServerError.Kind = configuration.tls != nil && mentionsTLS ? .tlsFailed : .startFailed
            throw HTTPServerError(kind, "could not start the HTTP server on \(address.display(port: port))\(detail)")
        }
        return Daemon(pointer: started, context: context, cStrings: cStrings, port: port)
    }

    /// Internal epoll threads always; IPv6 when the address is, dual stack only for `::`.
    private static func flags(_ configuration: HTTPServer.Configuration, _ address: ListenAddress) -> UInt32 {
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_USE_ERROR_LOG.rawValue
        if address.isIPv6 {
            flags |= (address.isIPv6Unspecified ? MHD_USE_DUAL_STACK : MHD_USE_IPv6).rawValue
        }
        if configuration.tls != nil { flags |= MHD_USE_TLS.rawValue }
        return flags
    }

    /// The option array, logger first so even option errors reach it. Strings are copied into
    /// `cStrings`, which the caller frees after the daemon stops.
    private static func options(_ configuration: HTTPServer.Configuration, listening fd: Int32,
                                context: UnsafeMutableRawPointer,
                                cStrings: inout [UnsafeMutablePointer<CChar>]) -> [MHD_OptionItem] {
        func pointer(_ option: MHD_OPTION, _ value: Int) -> MHD_OptionItem {
            MHD_OptionItem(option: option, value: value, ptr_value: context)
        }
        func number(_ option: MHD_OPTION, _ value: Int) -> MHD_OptionItem {
            MHD_OptionItem(option: option, value: value, ptr_value: nil)
        }
        var options = [
            pointer(.EXTERNAL_LOGGER, unsafeBitCast(logMessage, to: Int.self)),
            number(.LISTEN_SOCKET, Int(fd)),
            number(.CONNECTION_MEMORY_LIMIT, configuration.connectionMemoryLimitBytes),
            number(.CONNECTION_TIMEOUT, configuration.connectionTimeoutSeconds),
            pointer(.URI_LOG_CALLBACK, unsafeBitCast(uriLogged, to: Int.self)),
            pointer(.NOTIFY_COMPLETED, unsafeBitCast(requestCompleted, to: Int.self)),
        ]
        if configuration.threadCount > 1 {
            options.append(number(.THREAD_POOL_SIZE, configuration.threadCount))
        }
        if let tls = configuration.tls {
            for (option, text) in [(MHD_OPTION.HTTPS_MEM_KEY, tls.privateKeyPEM), (.HTTPS_MEM_CERT, tls.certificatePEM),
                                   (.HTTPS_PRIORITIES, tls.priorities)] {
                // Swift's allocator traps rather than returning nil, so no option silently falls
                // back to libmicrohttpd's defaults (which would re-enable TLS 1.0).
                let bytes = text.utf8CString
                let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
                copy.initialize(from: Array(bytes), count: bytes.count)
                cStrings.append(copy)
                options.append(MHD_OptionItem(option: option, value: 0, ptr_value: UnsafeMutableRawPointer(copy)))
            }
        }
        options.append(number(.END, 0))
        return options
    }
}
