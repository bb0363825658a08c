package main

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/reportlint/reportlint/engine/finding"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/limit"
	"github.com/reportlint/reportlint/engine/lint"
	"github.com/reportlint/reportlint/engine/output"
)

// ServeOptions are the settings of `reportlint serve`.
type ServeOptions struct {
	IO          *IOStreams
	Addr        string
	MaxFileSize int64
	MaxFiles    int
	Timeout     string
	packFlags
}

// NewCmdServe builds the serve command: a local page where a reviewer drops report files
// and reads their marked-up reports and the dashboard of them.
func NewCmdServe(io *IOStreams) *cobra.Command {
	opts := &ServeOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "serve [flags]",
		Short: i18n.T("Serve a local page that lints dropped report files"),
		Long: i18n.T(`Serve a page on this computer only (127.0.0.1) where report files can be dropped or
chosen; it answers with the html format's page for them: the dashboard and each report
marked up. Files are linted in memory and kept nowhere; the page makes no request outside.`),
		Example: `  reportlint serve
  reportlint serve --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return serveRun(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:8173", i18n.T("listen on this loopback `HOST:PORT` (127.0.0.1, ::1 or localhost; port 0 picks a free one)"))
	f.Int64Var(&opts.MaxFileSize, "max-file-size", limit.Default().MaxBytes, i18n.T("largest document accepted, in bytes"))
	f.IntVar(&opts.MaxFiles, "max-files", 200, i18n.T("most documents accepted at once"))
	f.StringVar(&opts.Timeout, "timeout", limit.Default().Timeout.String(), i18n.T("time limit per document"))
	addPackFlags(cmd, &opts.packFlags)
	return cmd
}

// loopback checks that addr listens on the loopback interface only.
func loopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usage(fmt.Errorf("--addr: %w", err))
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return usage(i18n.Errorf("--addr: serve listens on this computer only (127.0.0.1, ::1 or localhost), not %q", host))
}

func serveRun(ctx context.Context, opts *ServeOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := loopback(opts.Addr); err != nil {
		return err
	}
	l, err := newLinter(ctx, opts.packFlags, "", "", 0, opts.MaxFileSize, opts.Timeout)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newServeHandler(l, opts.MaxFiles), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprint(opts.IO.ErrOut, i18n.Sprintf("reportlint serve：在浏览器中打开 http://%s/ （Ctrl-C 停止）\n", ln.Addr()))
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newServeHandler serves the upload page at / and lints the files posted to /lint with a
// copy of base reading them from memory. Requests must name a loopback host (a page
// elsewhere cannot reach the server through a rebound DNS name).
func newServeHandler(base *lint.Linter, maxFiles int) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		secureHeaders(w)
		uploadPage.Execute(w, newUploadText(maxFiles))
	})
	mux.HandleFunc("POST /lint", func(w http.ResponseWriter, r *http.Request) {
		secureHeaders(w)
		serveLint(w, r, base, maxFiles)
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.Host)
		if err != nil {
			host = r.Host
		}
		if loopback(net.JoinHostPort(host, "0")) != nil {
			http.Error(w, i18n.T("只接受本机访问"), http.StatusForbidden)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

func secureHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
}

func serveLint(w http.ResponseWriter, r *http.Request, base *lint.Linter, maxFiles int) {
	maxBytes := base.Ingest.Limits.MaxBytes
	r.Body = http.MaxBytesReader(w, r.Body, int64(maxFiles)*(maxBytes+4096)+1<<20)
	mr, err := r.MultipartReader()
	if err != nil {
		http.Error(w, i18n.T("请用表单上传报告文件"), http.StatusBadRequest)
		return
	}
	memory := map[string][]byte{}
	var paths []string
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			http.Error(w, i18n.Sprintf("上传未能读完：%v", err), http.StatusBadRequest)
			return
		}
		if part.FormName() != "files" || part.FileName() == "" {
			continue
		}
		if len(paths) == maxFiles {
			http.Error(w, i18n.Sprintf("一次最多检查 %d 份报告", maxFiles), http.StatusRequestEntityTooLarge)
			return
		}
		data, err := io.ReadAll(io.LimitReader(part, maxBytes+1))
		if err != nil {
			http.Error(w, i18n.Sprintf("上传未能读完：%v", err), http.StatusBadRequest)
			return
		}
		if int64(len(data)) > maxBytes {
			http.Error(w, i18n.Sprintf("%s 大于 %d 字节", part.FileName(), maxBytes), http.StatusRequestEntityTooLarge)
			return
		}
		// The name the browser sends is only a label; files of the same name are numbered.
		name := path.Base(strings.ReplaceAll(part.FileName(), `\`, "/"))
		for i := 2; memory[name] != nil; i++ {
			ext := path.Ext(name)
			name = i18n.Sprintf("%s（%d）%s", strings.TrimSuffix(path.Base(strings.ReplaceAll(part.FileName(), `\`, "/")), ext), i, ext)
		}
		memory[name] = data
		paths = append(paths, name)
	}
	if len(paths) == 0 {
		http.Error(w, i18n.T("没有收到报告文件"), http.StatusBadRequest)
		return
	}
	l := *base
	l.Memory = memory
	l.KeepView = true
	l.Pair = true
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	rep, err := output.New("html", w, output.Options{ToolVersion: Version})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if err := rep.Begin(l.Rules()); err != nil {
		return
	}
	var sum output.Summary
	err = l.Run(r.Context(), paths, func(res finding.Result) error {
		res.Lines = nil
		sum.Add(res)
		return rep.Result(res)
	})
	if err == nil {
		rep.End(sum)
	}
}

// uploadText is the text of the upload page, in the language of the run.
type uploadText struct {
	Lang, Title, Heading, Drop, Kinds, Check, Privacy, Chosen, Sep string
}

func newUploadText(maxFiles int) uploadText {
	t := uploadText{
		Lang:    "zh-CN",
		Title:   i18n.T("reportlint：检查年度报告"),
		Heading: i18n.T("检查政府信息公开工作年度报告"),
		Drop:    i18n.T("把报告文件拖到这里，或点击选择文件"),
		Kinds:   i18n.Sprintf("TXT、Markdown、HTML、DOCX、PDF；一次最多 %d 份", maxFiles),
		Check:   i18n.T("开始检查"),
		Privacy: i18n.T("文件只在本机内存中检查，不保存、不上传到任何地方。结果页可以另存为 HTML 文件，离线打开。"),
		Chosen:  i18n.T("已选择 %d 份："),
		Sep:     "、",
	}
	if i18n.Current() == i18n.En {
		t.Lang, t.Sep = "en", ", "
	}
	return t
}

var uploadPage = template.Must(template.New("upload").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
main{max-width:46rem;margin:3rem auto;padding:1rem}
#drop{display:block;border:3px dashed #8c959f;border-radius:10px;padding:3rem 1rem;text-align:center;background:#fff;cursor:pointer}
#drop.over{border-color:#0969da;background:#ddf4ff}
button{font:inherit;padding:.4rem 1.2rem;margin-top:1rem}
.muted{color:#59636e}
</style>
</head>
<body>
<main>
<h1>{{.Heading}}</h1>
<form id="form" method="post" action="/lint" enctype="multipart/form-data">
<label id="drop">{{.Drop}}<br><span class="muted">{{.Kinds}}</span>
<input id="files" type="file" name="files" multiple hidden></label>
<p id="chosen" class="muted"></p>
<button type="submit">{{.Check}}</button>
</form>
<p class="muted">{{.Privacy}}</p>
</main>
<script>
(function(){
var drop=document.getElementById("drop"),input=document.getElementById("files"),chosen=document.getElementById("chosen"),label={{.Chosen}},sep={{.Sep}};
function show(){chosen.textContent=input.files.length?label.replace("%d",input.files.length)+Array.prototype.map.call(input.files,function(f){return f.name}).join(sep):"";}
input.addEventListener("change",show);
["dragenter","dragover"].forEach(function(e){drop.addEventListener(e,function(ev){ev.preventDefault();drop.classList.add("over");});});
["dragleave","drop"].forEach(function(e){drop.addEventListener(e,function(ev){ev.preventDefault();drop.classList.remove("over");});});
drop.addEventListener("drop",function(ev){input.files=ev.dataTransfer.files;show();if(input.files.length)document.getElementById("form").submit();});
})();
</script>
</body>
</html>
`))
