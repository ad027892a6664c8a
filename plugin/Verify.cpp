// plugin/Verify.cpp — runs facade-clang over the in-memory object and turns
// its results into Clang diagnostics (errors/warnings + notes at source
// locations), the JSON document (json=) and the kernel-format log (log=).
//
// collect() runs in the isolated child (Isolate.h) and only produces plain
// data; report() runs in clang and turns it into diagnostics; the two meet
// through serialize()/deserialize().
#include "Verify.h"

#include "bpfverify/bvf.h"
#include "exact.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unistd.h>
#include <string>
#include <vector>

using namespace clang;

namespace bpfverify {

namespace {

Loc toLoc(const bvf_source_loc &S) {
  Loc L;
  if (S.file && S.line) {
    L.Valid = true;
    L.File = S.file;
    L.Line = S.line;
    L.Col = S.column;
  }
  return L;
}

void logToFile(void *Ctx, const char *Text, size_t Len) {
  fwrite(Text, 1, Len, static_cast<FILE *>(Ctx));
}

// exact=K: the object goes to a temporary file and through profile K's real
// kernel (bv_exact_verify); an empty string on success, else why not.
std::string runExact(const std::string &Kernel, llvm::StringRef Object,
                     bv_exact_report &Report) {
  const char *Tmp = getenv("TMPDIR");
  std::string Path = std::string(Tmp && *Tmp ? Tmp : "/tmp") +
                     "/bpfverify-exact-XXXXXX.o";
  std::vector<char> Buf(Path.begin(), Path.end());
  Buf.push_back('\0');
  int Fd = mkstemps(Buf.data(), 2);
  if (Fd < 0)
    return std::string("cannot create a temporary object: ") + strerror(errno);
  bool Ok = write(Fd, Object.data(), Object.size()) == (ssize_t)Object.size();
  close(Fd);
  std::string Why;
  char Err[1024] = "";
  const char *Objects[1] = {Buf.data()};
  if (!Ok)
    Why = std::string("cannot write a temporary object: ") + strerror(errno);
  else if (bv_exact_verify(Kernel.c_str(), Objects, 1, nullptr, &Report, Err,
                           sizeof Err))
    Why = Err[0] ? Err : "exact mode failed";
  unlink(Buf.data());
  return Why;
}

} // namespace

// Phase 1: facade-clang calls only; no Clang state touched.
void collect(const Options &Opts, llvm::StringRef Object,
             llvm::StringRef SourceName, Collected &Out,
             const std::vector<OpenedKernel> *Preloaded) {
  char Err[512];
  std::vector<bvf_kernel *> Kernels;
  bool Explicit;
  std::vector<OpenedKernel> Opened;
  if (!Preloaded)
    for (const std::string &S : kernelSpecs(Opts, Explicit))
      Opened.push_back(openKernel(S));
  else
    kernelSpecs(Opts, Explicit);
  for (const OpenedKernel &O : Preloaded ? *Preloaded : Opened) {
    if (O.K)
      Kernels.push_back(O.K);
    else
      Out.KernelProblems.push_back({O.Spec, O.Err, Explicit});
  }

  if (Kernels.empty())
    return; // reported as kernel problems; nothing to verify against

  Err[0] = 0;
  std::string Name = SourceName.str();
  bvf_object *Obj =
      bvf_object_open_mem(Object.data(), Object.size(), Name.c_str(), Err,
                          sizeof Err);
  if (!Obj) {
    Out.ObjectError = Err[0] ? Err : "cannot open the generated object";
  }

  FILE *Log = nullptr;
  if (Obj && !Opts.LogPath.empty()) {
    Log = fopen(Opts.LogPath.c_str(), "w");
    if (!Log)
      Out.FileProblems.push_back("cannot write log '" + Opts.LogPath +
                                 "': " + strerror(errno));
  }
  bvf_report *Rep = nullptr;
  if (Obj && !Opts.JsonPath.empty())
    Rep = bvf_report_new(Name.c_str());

  bv_exact_report Exact{};
  bool UseExact = false;
  if (Obj && !Opts.Exact.empty()) {
    std::string Why = runExact(Opts.Exact, Object, Exact);
    if (!Why.empty()) {
      Out.KernelProblems.push_back({Opts.Exact, "exact mode: " + Why, true});
      bvf_object_close(Obj);
      Obj = nullptr;
    } else {
      UseExact = true;
    }
  }

  bvf_outcomes *Outs = Obj ? bvf_outcomes_new() : nullptr;
  if (Obj && !Outs)
    Out.ObjectError = "out of memory";
  size_t N = Outs ? bvf_object_program_count(Obj) : 0;
  auto Res = std::make_unique<bv_result>();
  for (size_t I = 0; I < N; ++I) {
    const bvf_program *P = bvf_object_program(Obj, I);
    for (bvf_kernel *K : Kernels) {
      bvf_verify_opts VO{};
      VO.sz = sizeof VO;
      VO.unpriv = Opts.Unpriv;
      if (Log) {
        fprintf(Log, "# bpfverify: program %s (%s), kernel %s\n",
                bvf_program_name(P), bvf_program_section(P),
                bvf_kernel_name(K));
        VO.log_level = BV_LOG_LEVEL2;
        VO.log_cb = logToFile;
        VO.log_ctx = Log;
      }
      memset(Res.get(), 0, sizeof *Res);
      if (UseExact)
        bv_exact_to_result(&Exact, 0, bvf_program_name(P), Res.get());
      else
        bvf_verify(P, K, &VO, Res.get());
      if (Log) {
        fputc('\n', Log);
        fflush(Log);
      }
      if (Rep)
        bvf_report_add(Rep, P, K, Res.get());
      int E = bvf_outcomes_add(Outs, P, K, Res.get());
      if (E < 0 && Out.InternalError.empty())
        Out.InternalError = std::string("cannot merge the results: ") +
                            strerror(-E);
    }
  }
  // One finding per distinct outcome (accepts are silent), one summary
  // per program whose kernels disagree.
  for (size_t I = 0, NO = bvf_outcomes_count(Outs); I < NO; ++I) {
    const bvf_outcome *O = bvf_outcomes_get(Outs, I);
    if (O->verdict == BV_ACCEPT)
      continue;
    Finding F;
    F.Program = O->program ? O->program : "";
    F.Verdict = O->verdict;
    F.Text = O->text;
    // Without an instruction (a program type the kernel lacks), the
    // program's declaration is the place: report() falls back to it.
    if (O->insn >= 0)
      F.Where = toLoc(O->loc);
    for (size_t J = 0; J < O->nr_notes; ++J)
      F.Notes.emplace_back(toLoc(O->notes[J].loc), O->notes[J].text);
    if (const bvf_fixit *X = O->fixit) {
      FixIt Fix;
      Fix.Start.Valid = true;
      Fix.Start.File = X->file;
      Fix.Start.Line = X->line;
      Fix.Start.Col = X->column;
      Fix.EndLine = X->end_line;
      Fix.EndCol = X->end_column;
      Fix.Text = X->text;
      F.FixIts.push_back(std::move(Fix));
    }
    Out.Findings.push_back(std::move(F));
  }
  for (size_t I = 0, NS = bvf_outcomes_summary_count(Outs); I < NS; ++I) {
    const bvf_outcome_summary *S = bvf_outcomes_summary(Outs, I);
    Out.Summaries.push_back({S->program, S->text, toLoc(S->loc)});
  }
  bvf_outcomes_free(Outs);
  bv_exact_report_free(&Exact);
  // The document goes back to clang, which writes it: the child's
  // standard output is /dev/null, and json=- must reach clang's once.
  if (Rep) {
    char *Text = nullptr;
    if (bvf_report_write_string(Rep, &Text) == 0) {
      Out.HasJson = true;
      Out.Json = Text;
    } else {
      Out.FileProblems.push_back("cannot format the JSON results");
    }
    free(Text);
    bvf_report_free(Rep);
  }
  if (Log && fclose(Log) != 0)
    Out.FileProblems.push_back("cannot write log '" + Opts.LogPath +
                               "': " + strerror(errno));
  if (Obj)
    bvf_object_close(Obj);
  for (const OpenedKernel &O : Opened)   // the preloaded ones are not ours
    bvf_kernel_close(O.K);
}

namespace {

// Finds the file a BTF line-info name refers to among the files of this
// compilation: by path first (absolute, or relative to the working
// directory), then by the longest matching path suffix.
OptionalFileEntryRef findFile(SourceManager &SM, FileManager &FM,
                              llvm::StringRef Name) {
  OptionalFileEntryRef FE = FM.getOptionalFileRef(Name, /*OpenFile=*/false);
  if (FE && SM.translateFile(*FE).isValid())
    return FE;
  llvm::StringRef Base = llvm::sys::path::filename(Name);
  OptionalFileEntryRef Best;
  size_t BestLen = 0;
  for (auto I = SM.fileinfo_begin(), E = SM.fileinfo_end(); I != E; ++I) {
    FileEntryRef Ref = I->first;
    llvm::StringRef Cand = Ref.getName();
    if (llvm::sys::path::filename(Cand) != Base)
      continue;
    // Length of the common suffix, in characters.
    size_t L = 0;
    while (L < Cand.size() && L < Name.size() &&
           Cand[Cand.size() - 1 - L] == Name[Name.size() - 1 - L])
      ++L;
    if (L > BestLen) {
      BestLen = L;
      Best = Ref;
    }
  }
  return Best ? Best : FE;
}

class Reporter {
public:
  Reporter(CompilerInstance &CI, ASTContext &Ctx) : CI(CI), Ctx(Ctx) {}

  SourceLocation resolve(const Loc &L) {
    if (!L.Valid)
      return SourceLocation();
    SourceManager &SM = CI.getSourceManager();
    OptionalFileEntryRef FE = findFile(SM, CI.getFileManager(), L.File);
    if (!FE)
      return SourceLocation();
    return SM.translateFileLineCol(&FE->getFileEntry(), L.Line,
                                   L.Col ? L.Col : 1);
  }

  SourceLocation functionLoc(llvm::StringRef Name) {
    if (!Indexed) {
      Indexed = true;
      for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
        if (auto *FD = dyn_cast<FunctionDecl>(D))
          if (FD->doesThisDeclarationHaveABody() && FD->getIdentifier())
            Functions[FD->getName()] = FD->getLocation();
    }
    auto It = Functions.find(Name);
    return It == Functions.end() ? SourceLocation() : It->second;
  }

private:
  CompilerInstance &CI;
  ASTContext &Ctx;
  bool Indexed = false;
  llvm::StringMap<SourceLocation> Functions;
};

} // namespace

namespace {

// bpfverify's warnings are clang's "backend-plugin" warnings: clang 19
// applies no warning option to custom diagnostic IDs, while a real warning
// of a real group gets -w, -Werror, -Werror=backend-plugin,
// -Wno-error=backend-plugin, -Wno-backend-plugin and #pragma clang
// diagnostic like any other warning.
constexpr unsigned WarningID = diag::warn_fe_backend_plugin;

bool warningsIgnored(DiagnosticsEngine &Diags, SourceLocation L) {
  return Diags.isIgnored(WarningID, L);
}

// A finding's or problem's diagnostic: an error when `Error`, else the
// backend-plugin warning.
DiagnosticBuilder emit(DiagnosticsEngine &Diags, SourceLocation L, bool Error) {
  if (Error)
    return Diags.Report(L, Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0"));
  return Diags.Report(L, WarningID);
}

void internalProblem(DiagnosticsEngine &Diags, const Options &Opts,
                     const llvm::Twine &Msg) {
  emit(Diags, SourceLocation(), Opts.Strict)
      << ("bpfverify: internal error: " + Msg).str();
}

// json=PATH: the document, written by clang ("-": standard output).
void writeJson(DiagnosticsEngine &Diags, const Options &Opts,
               const std::string &Text) {
  if (Opts.JsonPath == "-") {
    llvm::outs() << Text << "\n";
    llvm::outs().flush();
    return;
  }
  std::error_code EC;
  {
    llvm::raw_fd_ostream OS(Opts.JsonPath, EC);
    if (!EC) {
      OS << Text << "\n";
      OS.close();
      EC = OS.error();
      OS.clear_error();
    }
  }
  if (EC)
    emit(Diags, SourceLocation(), false)
        << ("bpfverify: cannot write JSON results '" + Opts.JsonPath +
            "': " + EC.message());
}

// A document without results, saying why nothing was verified (an empty
// Why: there was no program).
void writeJsonError(DiagnosticsEngine &Diags, const Options &Opts,
                    llvm::StringRef Source, const std::string &Why) {
  if (Opts.JsonPath.empty())
    return;
  std::string Name = Source.str();
  bvf_report *Rep = bvf_report_new(Name.c_str());
  char *Text = nullptr;
  if (Rep && (Why.empty() || bvf_report_set_error(Rep, Why.c_str()) == 0) &&
      bvf_report_write_string(Rep, &Text) == 0)
    writeJson(Diags, Opts, Text);
  free(Text);
  bvf_report_free(Rep);
}

} // namespace

void reportInternalError(DiagnosticsEngine &Diags, const Options &Opts,
                         llvm::StringRef Source, const llvm::Twine &Msg) {
  std::string Text = Msg.str();
  internalProblem(Diags, Opts, Text);
  writeJsonError(Diags, Opts, Source, "internal error: " + Text);
}

void report(CompilerInstance &CI, ASTContext &Ctx, const Options &Opts,
            llvm::StringRef Source, const Collected &C) {
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  if (C.HasJson)
    writeJson(Diags, Opts, C.Json);
  else if (!C.InternalError.empty())
    writeJsonError(Diags, Opts, Source, "internal error: " + C.InternalError);
  else if (!C.ObjectError.empty())
    writeJsonError(Diags, Opts, Source,
                   "internal error: cannot read the generated object: " +
                       C.ObjectError);
  else if (!C.KernelProblems.empty())
    writeJsonError(Diags, Opts, Source,
                   "kernel '" + C.KernelProblems.front().Spec +
                       "': " + C.KernelProblems.front().Err +
                       "; nothing verified");
  else
    writeJsonError(Diags, Opts, Source, ""); // no program: no results

  if (!C.InternalError.empty()) {
    internalProblem(Diags, Opts, C.InternalError);
    return;
  }

  // A kernel of the list that cannot be opened: a diagnostic for it alone
  // (the others are verified); an error, a warning under `warn`.
  for (const KernelProblem &P : C.KernelProblems) {
    if (P.Explicit)
      emit(Diags, SourceLocation(), !Opts.Warn)
          << ("bpfverify: kernel '" + P.Spec + "': " + P.Err +
              "; not verified for it");
    else
      internalProblem(Diags, Opts, "default kernel profile '" + P.Spec +
                                       "': " + P.Err);
  }
  if (!C.ObjectError.empty()) {
    internalProblem(Diags, Opts,
                    "cannot read the generated object: " + C.ObjectError);
    return;
  }
  for (const std::string &P : C.FileProblems)
    emit(Diags, SourceLocation(), false) << ("bpfverify: " + P);

  Reporter R(CI, Ctx);
  unsigned NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  unsigned SummaryID = Diags.getCustomDiagID(DiagnosticsEngine::Remark, "%0");
  const std::string *Summarized = nullptr;
  for (const Finding &F : C.Findings) {
    // A rejection and a load that fails are errors (warnings under warn);
    // "could not verify" is a warning (an error under strict).
    bool Fails = F.Verdict == BV_REJECT || F.Verdict == BV_LOAD_ERROR;
    bool Error = Fails ? !Opts.Warn : Opts.Strict;
    SourceLocation L = R.resolve(F.Where);
    if (L.isInvalid())
      L = R.functionLoc(F.Program);
    if (!Error && warningsIgnored(Diags, L))
      continue; // -w, -Wno-backend-plugin: no remark or notes either
    // Where the kernels disagree: a remark at the program's entry, before
    // its first diagnostic.
    if (!Summarized || *Summarized != F.Program) {
      Summarized = &F.Program;
      for (const Summary &S : C.Summaries) {
        if (S.Program != F.Program)
          continue;
        SourceLocation SL = R.functionLoc(S.Program);
        if (SL.isInvalid())
          SL = R.resolve(S.Where);
        Diags.Report(SL, SummaryID) << S.Text;
      }
    }
    {
      DiagnosticBuilder DB = emit(Diags, L, Error);
      DB << F.Text;
      // Fix-its (docs/diagnostics.md): clang -Xclang -fixit applies them,
      // clangd offers them; one that cannot be placed is left out.
      for (const FixIt &X : F.FixIts) {
        SourceLocation B = R.resolve(X.Start);
        Loc EndLoc = X.Start;
        EndLoc.Line = X.EndLine;
        EndLoc.Col = X.EndCol;
        SourceLocation E = R.resolve(EndLoc);
        if (B.isInvalid() || E.isInvalid())
          continue;
        if (B == E)
          DB << FixItHint::CreateInsertion(B, X.Text);
        else
          DB << FixItHint::CreateReplacement(CharSourceRange::getCharRange(B, E),
                                             X.Text);
      }
    }
    for (const auto &N : F.Notes) {
      SourceLocation NL = R.resolve(N.first);
      if (NL.isInvalid())
        NL = L; // a note about no instruction is about the diagnostic's place
      Diags.Report(NL, NoteID) << N.second;
    }
  }
}

// ---- serialization: length-prefixed fields, in declaration order ----
namespace {

struct Writer {
  std::string B;
  void u32(uint32_t V) { B.append(reinterpret_cast<const char *>(&V), 4); }
  void str(const std::string &S) {
    u32((uint32_t)S.size());
    B += S;
  }
  void loc(const Loc &L) {
    u32(L.Valid);
    str(L.File);
    u32(L.Line);
    u32(L.Col);
  }
};

struct Reader {
  llvm::StringRef B;
  bool Ok = true;
  uint32_t u32() {
    uint32_t V = 0;
    if (B.size() < 4) {
      Ok = false;
      return 0;
    }
    memcpy(&V, B.data(), 4);
    B = B.drop_front(4);
    return V;
  }
  std::string str() {
    uint32_t N = u32();
    if (!Ok || B.size() < N) {
      Ok = false;
      return std::string();
    }
    std::string S = B.take_front(N).str();
    B = B.drop_front(N);
    return S;
  }
  Loc loc() {
    Loc L;
    L.Valid = u32() != 0;
    L.File = str();
    L.Line = u32();
    L.Col = u32();
    return L;
  }
  // A count that cannot exceed what is left (each element takes >= 4 bytes).
  uint32_t count() {
    uint32_t N = u32();
    if (N > B.size() / 4)
      Ok = false;
    return Ok ? N : 0;
  }
};

} // namespace

std::string serialize(const Collected &C) {
  Writer W;
  W.str(C.InternalError);
  W.u32((uint32_t)C.KernelProblems.size());
  for (const KernelProblem &P : C.KernelProblems) {
    W.str(P.Spec);
    W.str(P.Err);
    W.u32(P.Explicit);
  }
  W.str(C.ObjectError);
  W.u32((uint32_t)C.Findings.size());
  for (const Finding &F : C.Findings) {
    W.str(F.Program);
    W.u32((uint32_t)F.Verdict);
    W.str(F.Text);
    W.loc(F.Where);
    W.u32((uint32_t)F.Notes.size());
    for (const auto &N : F.Notes) {
      W.loc(N.first);
      W.str(N.second);
    }
    W.u32((uint32_t)F.FixIts.size());
    for (const FixIt &X : F.FixIts) {
      W.loc(X.Start);
      W.u32(X.EndLine);
      W.u32(X.EndCol);
      W.str(X.Text);
    }
  }
  W.u32((uint32_t)C.Summaries.size());
  for (const Summary &S : C.Summaries) {
    W.str(S.Program);
    W.str(S.Text);
    W.loc(S.Where);
  }
  W.u32((uint32_t)C.FileProblems.size());
  for (const std::string &P : C.FileProblems)
    W.str(P);
  W.u32(C.HasJson);
  W.str(C.Json);
  return W.B;
}

bool deserialize(llvm::StringRef Bytes, Collected &C) {
  Reader R{Bytes};
  C.InternalError = R.str();
  for (uint32_t I = 0, N = R.count(); R.Ok && I < N; ++I) {
    KernelProblem P;
    P.Spec = R.str();
    P.Err = R.str();
    P.Explicit = R.u32() != 0;
    C.KernelProblems.push_back(std::move(P));
  }
  C.ObjectError = R.str();
  for (uint32_t I = 0, N = R.count(); R.Ok && I < N; ++I) {
    Finding F;
    F.Program = R.str();
    F.Verdict = (bv_verdict)R.u32();
    F.Text = R.str();
    F.Where = R.loc();
    for (uint32_t J = 0, M = R.count(); R.Ok && J < M; ++J) {
      Loc L = R.loc();
      F.Notes.emplace_back(std::move(L), R.str());
    }
    for (uint32_t J = 0, M = R.count(); R.Ok && J < M; ++J) {
      FixIt X;
      X.Start = R.loc();
      X.EndLine = R.u32();
      X.EndCol = R.u32();
      X.Text = R.str();
      F.FixIts.push_back(std::move(X));
    }
    C.Findings.push_back(std::move(F));
  }
  for (uint32_t I = 0, N = R.count(); R.Ok && I < N; ++I) {
    Summary S;
    S.Program = R.str();
    S.Text = R.str();
    S.Where = R.loc();
    C.Summaries.push_back(std::move(S));
  }
  for (uint32_t I = 0, N = R.count(); R.Ok && I < N; ++I)
    C.FileProblems.push_back(R.str());
  C.HasJson = R.u32() != 0;
  C.Json = R.str();
  return R.Ok && R.B.empty();
}

} // namespace bpfverify
