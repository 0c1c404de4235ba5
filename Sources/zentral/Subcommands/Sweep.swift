import ArgumentParser
import Foundation
import ZentralCore
import ZentralExport
import ZentralPlan
import ZentralSolver

extension Zentral {
  /// `zentral sweep SPEC`: plans a grid of variants of a scenario and writes one result table.
  struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Plans a grid of variants of a scenario and writes one result table (CSV and Markdown).",
      discussion: """
        SPEC is a small YAML file: 'base' (a scenario), 'grid' (key paths to lists of values, every \
        combination) and 'variants' (more variants, one by one); see docs/cli.md. Each variant is written \
        to FOLDER/variants/NAME.yaml and planned by a 'zentral plan' process of its own, as many at once \
        as the machine has cores (--jobs). --emit-jobs FILE writes the same work as a job list for GNU \
        parallel (one command a line) or, with --slurm, a Slurm array script, each job writing its plan \
        into FOLDER/results/NAME; 'zentral sweep --collect FOLDER' then builds the table. The table is \
        FOLDER/results.csv and FOLDER/results.md, and goes to standard output as Markdown. Exit status: 0 \
        every variant has a plan, 1 invalid input or a variant failed (its log is in FOLDER/logs).
        """)

    @Argument(
      help: ArgumentHelp("The sweep specification (.yaml).", valueName: "spec-file"),
      completion: .file(extensions: ["yaml", "yml"]))
    var spec: String?

    @Option(
      help: ArgumentHelp(
        "The sweep folder (default: out/<spec file name>); created, or replaced when it holds an earlier sweep.",
        valueName: "folder"),
      completion: .directory)
    var out: String?

    @Option(
      help: ArgumentHelp(
        "Build the result table of the sweep folder FOLDER from the plans its jobs wrote.",
        valueName: "folder"),
      completion: .directory)
    var collect: String?

    @Option(
      help: ArgumentHelp(
        "Write the jobs to this file instead of running them (GNU parallel; Slurm with --slurm).",
        valueName: "file"),
      completion: .file())
    var emitJobs: String?

    @Flag(help: "With --emit-jobs: write a Slurm array script (sbatch FILE) instead of a job list.")
    var slurm = false

    @Option(
      help: ArgumentHelp(
        "How many variants are planned at once (default: the number of cores).", valueName: "count"))
    var jobs: Int?

    @Option(
      help: ArgumentHelp(
        "Language of the Markdown table (default: the base scenario's).", valueName: "language"))
    var lang: ReportLanguage?

    @Option(help: ArgumentHelp("Time limit of each variant's 'zentral plan'.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(
      help: ArgumentHelp(
        "Relative gap at which each variant's solve stops (0.01 or 1%).", valueName: "fraction"))
    var gap: RelativeGap?

    @OptionGroup(title: "Solver options (expert)", visibility: .hidden)
    var solver: SolverOptions

    func validate() throws {
      try SolveLimitChecks.check(timeLimit: timeLimit, gap: gap)
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
      if slurm && emitJobs == nil { throw ValidationError("--slurm goes with --emit-jobs FILE") }
      if let out, out.isEmpty {
        throw ValidationError("--out is empty; name the sweep folder, e.g. --out out/sweep")
      }
    }

    func run() throws {
      switch (spec, collect) {
      case (nil, nil):
        throw CommandFailure("give a sweep specification ('zentral sweep sweep.yaml') or --collect FOLDER")
      case (.some, .some):
        throw CommandFailure("give a sweep specification or --collect FOLDER, not both")
      case (nil, .some(let folder)):
        try Self.collect(folder: folder, language: lang)
      case (.some(let spec), nil):
        try sweep(spec)
      }
    }

    // MARK: Sweeping

    private func sweep(_ specPath: String) throws {
      try InputFile.checkExists(specPath, extensions: ["yaml", "yml"])
      let spec: SweepSpec
      do {
        spec = try SweepSpec.load(path: specPath)
      } catch {
        throw CommandFailure(
          lines: error.diagnostics.map { CommandFailure.line($0.description, hasPlace: $0.line != nil) })
      }
      if !spec.warnings.isEmpty {
        Zentral.write(spec.warnings.map { CommandFailure.line($0.description, hasPlace: $0.line != nil) })
      }
      let folderPath =
        out ?? "out/" + URL(fileURLWithPath: specPath).deletingPathExtension().lastPathComponent
      if out == nil {
        // Like plan's default out/<name>: the out/ folder itself is created.
        try? FileManager.default.createDirectory(atPath: "out", withIntermediateDirectories: true)
      }
      let folder = try Self.prepare(folderPath)
      let planOptions = PlanArguments.of(timeLimit: timeLimit, gap: gap, solver: solver)
      // The variants as scenario files, and the record of the sweep.
      var jobs: [SweepRunner.Job] = []
      for variant in spec.variants {
        let file = folder.appendingPathComponent(SweepManifest.variantsFolder).appendingPathComponent(
          variant.name + ".yaml")
        var header = "# Variant \(variant.name) of \(spec.base), written by 'zentral sweep \(specPath)'.\n"
        for edit in variant.edits { header += "# \(edit.path): \(edit.value)\n" }
        do {
          try AtomicFile.write(header + ScenarioWriter.yaml(variant.scenario), to: file)
        } catch {
          throw CommandFailure(error.description)
        }
        let result = folder.appendingPathComponent(SweepManifest.resultsFolder).appendingPathComponent(
          variant.name)
        jobs.append(
          SweepRunner.Job(
            arguments: ["plan", file.path, "--out", result.path, "--no-exports", "--quiet"] + planOptions,
            log: folder.appendingPathComponent(SweepManifest.logsFolder).appendingPathComponent(
              variant.name + ".log")))
      }
      let manifest = SweepManifest(
        spec: specPath, base: spec.base, keyPaths: spec.keyPaths,
        variants: spec.variants.map { variant in
          SweepManifest.Variant(
            name: variant.name,
            edits: Dictionary(variant.edits.map { ($0.path, $0.value) }, uniquingKeysWith: { $1 }))
        },
        planOptions: planOptions)
      do {
        try AtomicFile.write(
          try manifest.jsonData(), to: folder.appendingPathComponent(SweepManifest.fileName))
      } catch {
        throw CommandFailure("could not write \(folderPath)/\(SweepManifest.fileName): \(error)")
      }
      if let emitJobs {
        try writeJobs(jobs, to: emitJobs, folder: folder, names: spec.variants.map(\.name))
        return
      }
      let workers = jobs.count > 0 ? (self.jobs ?? ProcessInfo.processInfo.activeProcessorCount) : 1
      let total = jobs.count
      let showsProgress = isatty(STDERR_FILENO) == 1
      let started = ContinuousClock.now
      let statuses = SweepRunner(workers: workers).run(jobs) { done in
        if showsProgress {
          FileHandle.standardError.write(
            Data("\r\u{1B}[2Kzentral: sweep: \(done) of \(total) variants planned".utf8))
        }
      }
      if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
      let elapsed = ContinuousClock.now - started
      Zentral.write([
        "zentral: sweep: \(total) variants planned in \(String(format: "%.1f", Self.seconds(elapsed))) s, "
          + "\(min(workers, max(total, 1))) at a time"
      ])
      let failed = zip(spec.variants, statuses).filter { $0.1 == nil || ($0.1 != 0 && $0.1 != 2) }
      try Self.collect(folder: folderPath, language: lang, failed: failed.map(\.0.name))
    }

    /// The sweep folder at `path`, created (its parent must exist) or, when it holds an earlier
    /// sweep, emptied of that sweep's own files; a folder with other content is refused.
    static func prepare(_ path: String) throws(CommandFailure) -> URL {
      try OutputPath.checkFolder(of: path, option: "--out")
      let url = URL(fileURLWithPath: path)
      let manager = FileManager.default
      var isFolder: ObjCBool = false
      if manager.fileExists(atPath: path, isDirectory: &isFolder) {
        guard isFolder.boolValue else {
          throw CommandFailure("--out '\(path)' is a file, not a folder; choose a folder for the sweep")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        let own: Set<String> = [
          SweepManifest.fileName, SweepManifest.variantsFolder, SweepManifest.resultsFolder,
          SweepManifest.logsFolder,
          "results.csv", "results.md",
        ]
        if !entries.isEmpty && !entries.contains(SweepManifest.fileName) {
          throw CommandFailure(
            "--out '\(path)' holds other files and no earlier sweep; choose a new or empty folder for the sweep"
          )
        }
        for entry in entries where own.contains(entry) {
          try? manager.removeItem(at: url.appendingPathComponent(entry))
        }
      }
      do {
        for sub in [SweepManifest.variantsFolder, SweepManifest.resultsFolder, SweepManifest.logsFolder] {
          try manager.createDirectory(at: url.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
      } catch {
        throw CommandFailure("could not create the sweep folder \(path): \(error.localizedDescription)")
      }
      return url
    }

    /// Writes the jobs as a GNU parallel job list or a Slurm array script.
    private func writeJobs(_ jobs: [SweepRunner.Job], to path: String, folder: URL, names: [String]) throws {
      try OutputPath.checkFolder(of: path, option: "--emit-jobs")
      let executable = SweepRunner.shellQuoted(SweepRunner.executable)
      let collectCommand = "zentral sweep --collect \(SweepRunner.shellQuoted(folder.path))"
      var text: String
      if slurm {
        let logs = folder.appendingPathComponent(SweepManifest.logsFolder).path
        text = """
          #!/bin/bash
          # Slurm array of \(jobs.count) zentral plan jobs, written by 'zentral sweep --emit-jobs --slurm'.
          # Submit with: sbatch \(SweepRunner.shellQuoted(path))   then: \(collectCommand)
          #SBATCH --job-name=zentral-sweep
          #SBATCH --array=0-\(max(jobs.count - 1, 0))
          #SBATCH --cpus-per-task=2
          #SBATCH --output=\(logs)/slurm-%a.log
          set -eu
          case "$SLURM_ARRAY_TASK_ID" in

          """
        for (index, job) in jobs.enumerated() {
          text +=
            "  \(index)) exec \(executable) \(job.arguments.map(SweepRunner.shellQuoted).joined(separator: " ")) ;;\n"
        }
        text += "  *) echo \"zentral sweep: no job $SLURM_ARRAY_TASK_ID\" >&2; exit 1 ;;\nesac\n"
      } else {
        text = ""
        for job in jobs {
          text +=
            "\(executable) \(job.arguments.map(SweepRunner.shellQuoted).joined(separator: " ")) > "
            + "\(SweepRunner.shellQuoted(job.log.path)) 2>&1\n"
        }
      }
      do {
        try AtomicFile.write(text, to: URL(fileURLWithPath: path))
      } catch {
        throw CommandFailure(error.description)
      }
      let run =
        slurm ? "sbatch \(SweepRunner.shellQuoted(path))" : "parallel < \(SweepRunner.shellQuoted(path))"
      print("written: \(path) (\(jobs.count) jobs of \(names.count) variants)")
      print("run them with: \(run)")
      print("then build the table with: \(collectCommand)")
    }

    // MARK: Collecting

    /// Builds the result table of the sweep folder `folder` from the plans its jobs wrote, writes
    /// `results.csv` and `results.md`, prints the Markdown table; fails when a variant has no plan.
    static func collect(folder: String, language: ReportLanguage?, failed: [String] = []) throws {
      let manifest: SweepManifest
      do {
        manifest = try SweepManifest.read(folder: folder)
      } catch {
        throw CommandFailure(error.description)
      }
      let url = URL(fileURLWithPath: folder)
      var rows: [SweepTable.Row] = []
      var missing: [String] = []
      for variant in manifest.variants {
        let values = manifest.keyPaths.map { variant.edits[$0] ?? "" }
        let planFile = url.appendingPathComponent(SweepManifest.resultsFolder).appendingPathComponent(
          variant.name
        )
        .appendingPathComponent(Plan.planFile).path
        let log = "\(folder)/\(SweepManifest.logsFolder)/\(variant.name).log"
        guard let data = FileManager.default.contents(atPath: planFile) else {
          let why =
            failed.contains(variant.name)
            ? "failed (see \(log))" : "no plan.json (not run yet, or see \(log))"
          rows.append(SweepTable.Row(name: variant.name, values: values, plan: nil, problem: why))
          missing.append(variant.name)
          continue
        }
        do {
          rows.append(
            SweepTable.Row(
              name: variant.name, values: values,
              plan: try ZentralPlan.Plan.decode(from: data, file: planFile)))
        } catch {
          rows.append(
            SweepTable.Row(name: variant.name, values: values, plan: nil, problem: error.description))
          missing.append(variant.name)
        }
      }
      let table = SweepTable(keyPaths: manifest.keyPaths, rows: rows)
      let markdown = table.markdown(language: language ?? rows.lazy.compactMap(\.plan).first?.language ?? .de)
      do {
        try AtomicFile.write(table.csv(), to: url.appendingPathComponent("results.csv"))
        try AtomicFile.write(markdown, to: url.appendingPathComponent("results.md"))
      } catch {
        throw CommandFailure(error.description)
      }
      print(markdown, terminator: "")
      print("written: \(folder)/results.csv")
      print("written: \(folder)/results.md")
      if !missing.isEmpty {
        throw CommandFailure(
          "\(missing.count) of \(manifest.variants.count) variants have no plan: \(missing.prefix(10).joined(separator: ", "))"
            + (missing.count > 10 ? ", …" : "") + "; see \(folder)/\(SweepManifest.logsFolder)")
      }
    }

    private static func seconds(_ duration: Duration) -> Double {
      Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
  }
}
