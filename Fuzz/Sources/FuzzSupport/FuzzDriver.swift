import CFuzzerDriver

#if canImport(Glibc)
import Glibc
#endif

/// Runs libFuzzer with the process's arguments and `target` as the test of one input; returns
/// libFuzzer's exit status (it exits by itself on a finding or at the end of its time).
///
/// Each fuzz target is a Swift `@main` type that calls this: SwiftPM renames an executable's
/// `main` to `<Target>_main` when linking, so libFuzzer's own `main` is never used (measured:
/// with `-parse-as-library` and only `LLVMFuzzerTestOneInput`, the link fails with
/// "undefined symbol 'FuzzLoader_main'").
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  let status = LLVMFuzzerRunDriver(&argc, &argv, target)
  exit(status)
}

/// The bytes of one fuzz input.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
  guard let data, size > 0 else { return [] }
  return Array(UnsafeBufferPointer(start: data, count: size))
}
