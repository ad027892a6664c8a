// plugin/Verify.h — from the in-memory BPF object to Clang diagnostics, in
// two halves that run in different processes (Isolate.h):
//   collect()  — in the child: facade-clang over every (program, kernel),
//                the JSON document (json=) and the log (log=); plain data out;
//   report()   — in clang: that data as errors/warnings + notes at source
//                locations.
// serialize()/deserialize() carry the data between them.
#ifndef BPFVERIFY_PLUGIN_VERIFY_H
#define BPFVERIFY_PLUGIN_VERIFY_H

#include "Options.h"
#include "Prefetch.h"

#include "bpfverify/verifier.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"

#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class CompilerInstance;
class DiagnosticsEngine;
} // namespace clang

namespace bpfverify {

struct Loc {
  bool Valid = false;
  std::string File;
  unsigned Line = 0, Col = 0;
};

// The edit that fixes a finding (bvf_fixit): [Start, End) becomes Text.
struct FixIt {
  Loc Start;
  unsigned EndLine = 0, EndCol = 0;
  std::string Text;
};

struct Finding {
  std::string Program;
  bv_verdict Verdict = BV_ACCEPT;
  std::string Text; // bvf_outcome text: message + [bpfverify: prog, kernels …]
  Loc Where;
  std::vector<std::pair<Loc, std::string>> Notes;
  std::vector<FixIt> FixIts; // at most one today
};

// Where a program's kernels disagree (bvf_outcomes_summary).
struct Summary {
  std::string Program, Text;
  Loc Where; // the program's entry
};

struct KernelProblem {
  std::string Spec, Err;
  bool Explicit = false;
};

struct Collected {
  std::string InternalError; // code generation failed in the child
  std::vector<KernelProblem> KernelProblems;
  std::string ObjectError;
  std::vector<Finding> Findings; // one per distinct outcome, kernels merged
  std::vector<Summary> Summaries;
  std::vector<std::string> FileProblems; // json/log output failures
  bool HasJson = false;                  // json=: Json is the document
  std::string Json;                      // written by clang, not the child
};

// The one diagnostic every internal failure becomes: a warning of the
// group -Wbackend-plugin (so -Werror and -Wno-error=backend-plugin apply),
// an error under `strict` (nothing was verified). With json=, the document
// says so too ("error").
void reportInternalError(clang::DiagnosticsEngine &Diags, const Options &Opts,
                         llvm::StringRef Source, const llvm::Twine &Msg);

// Verifies `Object` (the compilation of `SourceName`) for every kernel of
// Opts; writes json=/log= files. `Preloaded`: the kernels of
// kernelSpecs(Opts), already opened (KernelPrefetch), else opened here.
void collect(const Options &Opts, llvm::StringRef Object,
             llvm::StringRef SourceName, Collected &Out,
             const std::vector<OpenedKernel> *Preloaded = nullptr);

// Reports collected results through the compilation's diagnostics engine.
// Writes the json= document (or one that says why there is none).
void report(clang::CompilerInstance &CI, clang::ASTContext &Ctx,
            const Options &Opts, llvm::StringRef Source, const Collected &C);

std::string serialize(const Collected &C);
bool deserialize(llvm::StringRef Bytes, Collected &C);

} // namespace bpfverify

#endif
