package pdf

import (
	"context"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/reportlint/reportlint/engine/document"
	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// Per-page work bounds. A hostile page can hold millions of glyphs or path segments; past
// these the rest of the page is skipped and a note says so.
const (
	maxCharsPerPage    = 200_000
	maxObjectsPerPage  = 100_000
	maxSegmentsPerPage = 200_000
	maxFormDepth       = 8
	// wasmMemoryPages caps the WebAssembly memory of one document at 768 MiB (64 KiB
	// pages): pdfium reads a 500-page report in a small part of it, and a process reading
	// a hostile file stays within 1 GiB with what the Go side keeps.
	wasmMemoryPages = 12288
)

// maxCharsPerDocument bounds the glyphs read from one document, whatever its page count:
// 500 pages of a dense report hold about 1.5 million characters, and a form drawn many
// times on every page of a small file can make pdfium report hundreds of millions. Past
// it, the rest of the page is cut, later pages are not read, and a note says so.
var maxCharsPerDocument = 2_000_000

// Options configure an Engine.
type Options struct {
	// CacheDir is where wazero keeps the compiled pdfium module between runs. Compiling
	// the 5.8 MB module takes 3–5 s; loading it from the cache about 0.2 s. Empty means
	// no cache: every process compiles the module again.
	CacheDir string
	// Workers is the most documents read at the same time; 0 means GOMAXPROCS.
	Workers int
}

// DefaultCacheDir returns the compilation cache used by Import: the directory
// "reportlint/pdfium-wasm" under os.UserCacheDir, or "" when the user has no cache
// directory (the module is then compiled in every run).
func DefaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil || d == "" {
		return ""
	}
	return filepath.Join(d, "reportlint", "pdfium-wasm")
}

// Engine reads PDF files with pdfium compiled to WebAssembly and run by wazero, in the
// process and without cgo. Creating one compiles (or loads from the cache) the pdfium
// module, which is the expensive part; an Engine is then safe for concurrent use. Each
// document is read by one pooled module instance (a new one costs about 30 ms), which
// closes the document after it; an instance that failed on a document, ran out of time or
// read a large one is discarded, so a damaged file cannot leave a broken instance behind.
type Engine struct {
	pool pdfium.Pool
}

// NewEngine compiles the pdfium module and prepares a pool of at most opts.Workers
// instances.
func NewEngine(opts Options) (*Engine, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	rc := wazero.NewRuntimeConfigCompiler().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(wasmMemoryPages)
	if opts.CacheDir != "" {
		if cache, err := wazero.NewCompilationCacheWithDir(opts.CacheDir); err == nil {
			rc = rc.WithCompilationCache(cache)
		}
	}
	pool, err := webassembly.Init(webassembly.Config{
		MinIdle: 0,
		// An instance serves one document after another (creating one costs about 30 ms,
		// reading a report about as much); extract discards it after a document that
		// failed or was large (recycle), so no broken or bloated instance is kept.
		ReuseWorkers:  true,
		MaxIdle:       workers,
		MaxTotal:      workers,
		RuntimeConfig: rc,
		// No directory is mounted: documents are handed over as bytes, and pdfium has
		// no access to the host file system.
		FSConfig: wazero.NewFSConfig(),
		Stdout:   io.Discard,
		Stderr:   io.Discard,
	})
	if err != nil {
		return nil, i18n.Errorf("启动 pdfium（WebAssembly）：%w", err)
	}
	return &Engine{pool: pool}, nil
}

// Close releases the WebAssembly runtime. The Engine must not be used afterwards.
func (e *Engine) Close() error { return e.pool.Close() }

// Import reads data, a PDF file that came from path, into a document. See the package
// comment for what the document holds.
func (e *Engine) Import(ctx context.Context, path string, data []byte, lim limit.Limits) (*document.Document, error) {
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	if err := checkHeader(data, lim); err != nil {
		return nil, err
	}
	raw, err := e.extract(ctx, data, lim)
	if err != nil {
		if ctx.Err() != nil {
			return nil, timeoutError(ctx, lim)
		}
		return nil, err
	}
	doc, err := build(ctx, path, raw)
	if err != nil {
		if ctx.Err() != nil {
			return nil, timeoutError(ctx, lim)
		}
		return nil, err
	}
	return doc, nil
}

// timeoutError turns a finished context into the error the user sees: a *limit.Error
// when the time budget ran out, the context's error otherwise.
func timeoutError(ctx context.Context, lim limit.Limits) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) && lim.Timeout > 0 {
		return &limit.Error{What: "reading time", Limit: lim.Timeout.Milliseconds(), Actual: lim.Timeout.Milliseconds(), Unit: "ms"}
	}
	return ctx.Err()
}

// rawDoc is what pdfium gives for one file, before any layout analysis.
type rawDoc struct {
	pages []rawPage
}

// rawPage holds one page's glyphs and ruling segments in points, origin top left, y down.
type rawPage struct {
	w, h   float64
	glyphs []glyph
	rules  []seg
	images int
	// truncated names what was cut because a per-page bound was reached.
	truncated string
	// unread is true for a page after the one where the document's character bound was
	// reached: nothing of it is read.
	unread bool
}

// glyph is one character with its box.
type glyph struct {
	r                  rune
	x0, y0, x1, y1     float64 // loose box: advance width × font height
	size               float64
	tx0, ty0, tx1, ty1 float64 // tight box of the outline, when pdfium gives one
	// tight is true once the tight box was asked for: it is read only for a glyph whose
	// loose box is empty or far too large, the only ones where it changes the result.
	tight bool
}

func (g glyph) cx() float64 { return (g.x0 + g.x1) / 2 }
func (g glyph) cy() float64 { return (g.y0 + g.y1) / 2 }

// seg is a straight line segment that may be part of a table ruling.
type seg struct{ x0, y0, x1, y1 float64 }

// Past these a document's pdfium instance is discarded after it, not reused: its
// WebAssembly memory never shrinks.
const (
	recyclePages = 64
	recycleBytes = 8 << 20
	recycleChars = 200_000
)

// extract opens data in a pooled pdfium instance and reads every page. The time budget is
// checked between pdfium calls (there is one per character, drawing object and page), not
// inside one: wazero can interrupt a running call only if every call spawns a watcher
// goroutine (WithCloseOnContextDone), which made reading a report about 3 times slower
// (190 ms instead of 60 ms for 2024_huaianshi.pdf, 4 times the CPU), and closing the
// module under a running call is unsafe.
func (e *Engine) extract(ctx context.Context, data []byte, lim limit.Limits) (*rawDoc, error) {
	inst, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, i18n.Errorf("取得 pdfium 实例：%w", err)
	}
	x := &extractor{p: inst, ctx: ctx}
	out, err := x.run(data, lim)
	if err != nil || ctx.Err() != nil || recycle(out, len(data), x.chars) {
		_ = inst.Kill()
	} else {
		_ = inst.Close() // back to the pool
	}
	return out, err
}

// recycle reports whether the instance that read a document is to be discarded: one that
// read a large document holds the memory it grew to.
func recycle(doc *rawDoc, size, chars int) bool {
	return doc == nil || len(doc.pages) > recyclePages || size > recycleBytes || chars > recycleChars
}

type extractor struct {
	p   pdfium.Pdfium
	ctx context.Context
	// chars counts the glyphs read so far (maxCharsPerDocument); capped is true once a
	// note says the bound was reached.
	chars  int
	capped bool
	rq     reqs
}

// reqs holds the requests made for every glyph, page object and path segment, reused
// from one call to the next: go-pdfium reads a request during the call and keeps nothing
// of it, and a report has thousands of each.
type reqs struct {
	unicode   requests.FPDFText_GetUnicode
	generated requests.FPDFText_IsGenerated
	loose     requests.FPDFText_GetLooseCharBox
	fontSize  requests.FPDFText_GetFontSize
	object    requests.FPDFPage_GetObject
	formObj   requests.FPDFFormObj_GetObject
	objType   requests.FPDFPageObj_GetType
	matrix    requests.FPDFPageObj_GetMatrix
	drawMode  requests.FPDFPath_GetDrawMode
	segments  requests.FPDFPath_CountSegments
	segment   requests.FPDFPath_GetPathSegment
	segType   requests.FPDFPathSegment_GetType
	segPoint  requests.FPDFPathSegment_GetPoint
	segClose  requests.FPDFPathSegment_GetClose
}

func (x *extractor) run(data []byte, lim limit.Limits) (out *rawDoc, err error) {
	defer func() {
		// go-pdfium turns WebAssembly traps into errors, but be safe against panics in the
		// binding code on damaged input: a bad document is an error, never a crash.
		if r := recover(); r != nil {
			out, err = nil, i18n.Errorf("pdfium 无法处理这个文件：%v", r)
		}
	}()
	buf := data
	doc, err := x.p.OpenDocument(&requests.OpenDocument{File: &buf})
	if err != nil {
		return nil, openError(err)
	}
	defer x.p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	pc, err := x.p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, i18n.Errorf("统计页数：%w", err)
	}
	n := pc.PageCount
	if n <= 0 {
		return nil, i18n.NewError("PDF 没有页面")
	}
	if lim.MaxPages > 0 && n > lim.MaxPages {
		return nil, &limit.Error{What: "page count", Limit: int64(lim.MaxPages), Actual: int64(n), Unit: "pages"}
	}
	out = &rawDoc{pages: make([]rawPage, n)}
	for i := 0; i < n; i++ {
		if err := x.ctx.Err(); err != nil {
			return nil, err
		}
		if err := x.page(doc.Document, i, &out.pages[i]); err != nil {
			if x.ctx.Err() != nil {
				return nil, x.ctx.Err()
			}
			return nil, i18n.Errorf("第 %d 页：%w", i+1, err)
		}
	}
	return out, nil
}

// openError explains why pdfium could not open a file.
func openError(err error) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return i18n.NewError("PDF 已加密，需要密码才能打开：请另存一份不加密的副本再检查")
	case errors.Is(err, pdfiumerrors.ErrFormat), errors.Is(err, pdfiumerrors.ErrFile):
		return i18n.NewError("无法读取的 PDF：文件损坏或不完整")
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return i18n.NewError("PDF 使用了不支持的安全处理程序")
	}
	return i18n.Errorf("打开 PDF：%w", err)
}

func (x *extractor) page(doc references.FPDF_DOCUMENT, index int, rp *rawPage) error {
	lp, err := x.p.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return i18n.Errorf("载入：%w", err)
	}
	defer x.p.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	ref := lp.Page
	page := requests.Page{ByReference: &ref}
	w, err := x.p.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: page})
	if err != nil {
		return err
	}
	h, err := x.p.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: page})
	if err != nil {
		return err
	}
	rp.w, rp.h = float64(w.PageWidth), float64(h.PageHeight)
	if !finite(rp.w) || !finite(rp.h) || rp.w <= 0 || rp.h <= 0 || rp.w > 1e5 || rp.h > 1e5 {
		rp.w, rp.h = 595, 842
	}
	if x.chars >= maxCharsPerDocument {
		rp.unread = true
		if !x.capped {
			x.capped = true
			rp.truncated = i18n.Sprintf("全文字符数达到上限 %d，第 %d 页起的内容均未读取", maxCharsPerDocument, index+1)
		}
		return nil
	}
	if err := x.text(page, rp); err != nil {
		return i18n.Errorf("读取文字：%w", err)
	}
	if err := x.objects(page, rp); err != nil {
		return i18n.Errorf("读取图形：%w", err)
	}
	return nil
}

// text reads the glyphs of a page's text into rp, at most maxCharsPerPage of them.
func (x *extractor) text(page requests.Page, rp *rawPage) error {
	tp, err := x.p.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return err
	}
	defer x.p.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cc, err := x.p.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return err
	}
	n := cc.Count
	if n > maxCharsPerPage {
		n = maxCharsPerPage
		rp.truncated = i18n.Sprintf("前 %d 个字符", maxCharsPerPage)
	}
	if left := maxCharsPerDocument - x.chars; n > left {
		n, x.capped = left, true
		rp.truncated = i18n.Sprintf("前 %d 个字符：全文字符数达到上限 %d，之后各页均未读取", n, maxCharsPerDocument)
	}
	x.chars += n
	rp.glyphs = make([]glyph, 0, n)
	// index holds each kept glyph's character index in the text page, for the tight
	// boxes fixLooseBoxes asks for.
	index := make([]int, 0, n)
	for i := 0; i < n; i++ {
		if i%512 == 0 {
			if err := x.ctx.Err(); err != nil {
				return err
			}
		}
		if g, ok := x.glyphAt(tp.TextPage, i, rp); ok {
			rp.glyphs = append(rp.glyphs, g)
			index = append(index, i)
		}
	}
	fixLooseBoxes(rp.glyphs, func(k int) { x.tightBox(tp.TextPage, index[k], rp.h, &rp.glyphs[k]) })
	return nil
}

// glyphAt reads character i of a text page as a glyph in page space (y down). It reports
// false for a character that is not drawn text: one pdfium made up, a control or
// invisible character, one it cannot read, or one outside the page.
func (x *extractor) glyphAt(tp references.FPDF_TEXTPAGE, i int, rp *rawPage) (glyph, bool) {
	x.rq.unicode = requests.FPDFText_GetUnicode{TextPage: tp, Index: i}
	u, err := x.p.FPDFText_GetUnicode(&x.rq.unicode)
	if err != nil {
		return glyph{}, false
	}
	r, ok := glyphRune(rune(u.Unicode))
	if !ok {
		return glyph{}, false
	}
	if mayBeGenerated(rune(u.Unicode)) {
		x.rq.generated = requests.FPDFText_IsGenerated{TextPage: tp, Index: i}
		gen, err := x.p.FPDFText_IsGenerated(&x.rq.generated)
		if err == nil && gen.IsGenerated {
			return glyph{}, false
		}
	}
	g := glyph{r: r}
	x.glyphBoxes(tp, i, rp.h, &g)
	x.rq.fontSize = requests.FPDFText_GetFontSize{TextPage: tp, Index: i}
	if fs, err := x.p.FPDFText_GetFontSize(&x.rq.fontSize); err == nil {
		g.size = fs.FontSize
	}
	if !g.valid(rp.w, rp.h) {
		return glyph{}, false
	}
	if g.y1-g.y0 < 1 {
		// A space or a glyph with an empty outline: give it the height of its font.
		c, s := g.cy(), max(g.size, 1)
		g.y0, g.y1 = c-s/2, c+s/2
	}
	if g.size <= 0 || g.size > 4*(g.y1-g.y0) {
		g.size = g.y1 - g.y0
	}
	return g, true
}

// mayBeGenerated reports whether a character could be one that pdfium made up rather
// than read from the page: pdfium adds spaces between words and line breaks (CR, LF)
// between lines, so only a space or a control character needs to be asked about.
func mayBeGenerated(r rune) bool {
	return r <= ' ' || unicode.IsSpace(r)
}

// glyphRune returns the character a glyph shows: an invalid code point as the
// replacement character, a no-break, ideographic or tab space as a space. It reports
// false for control and invisible characters (soft hyphen, byte order mark, zero width
// space).
func glyphRune(r rune) (rune, bool) {
	switch {
	case r == 0 || r == 0xFFFE || r == 0xFFFF || r > unicode.MaxRune || (r >= 0xD800 && r <= 0xDFFF):
		return unicode.ReplacementChar, true
	case r == '\u00a0' || r == '\u3000' || r == '\t':
		return ' ', true
	case unicode.IsControl(r) || r == '\u00ad' || r == '\ufeff' || r == '\u200b':
		return r, false
	}
	return r, true
}

// glyphBoxes sets g's loose box, or its tight box when pdfium gives no loose box with an
// area, in page space of a page h high.
func (x *extractor) glyphBoxes(tp references.FPDF_TEXTPAGE, i int, h float64, g *glyph) {
	x.rq.loose = requests.FPDFText_GetLooseCharBox{TextPage: tp, Index: i}
	if lb, err := x.p.FPDFText_GetLooseCharBox(&x.rq.loose); err == nil {
		g.x0, g.x1 = float64(lb.Rect.Left), float64(lb.Rect.Right)
		g.y0, g.y1 = h-float64(lb.Rect.Top), h-float64(lb.Rect.Bottom)
	}
	if !(g.x1 > g.x0 && g.y1 > g.y0) {
		x.tightBox(tp, i, h, g)
		g.x0, g.y0, g.x1, g.y1 = g.tx0, g.ty0, g.tx1, g.ty1
	}
}

// tightBox sets g's tight box, the box of character i's outline, in page space of a page
// h high; it stays empty when pdfium gives none. It is read once per glyph.
func (x *extractor) tightBox(tp references.FPDF_TEXTPAGE, i int, h float64, g *glyph) {
	if g.tight {
		return
	}
	g.tight = true
	if cb, err := x.p.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp, Index: i}); err == nil {
		g.tx0, g.tx1 = cb.Left, cb.Right
		g.ty0, g.ty1 = h-cb.Top, h-cb.Bottom
	}
}

// fixLooseBoxes replaces loose boxes that are far larger than the page's usual text (pdfium
// reports font-sized boxes of 200 pt for some vertical-writing CID fonts) by the glyph's
// tight box, widened to the usual text height around its centre. tight(k) reads the tight
// box of gs[k], which only these glyphs need.
func fixLooseBoxes(gs []glyph, tight func(k int)) {
	var hs []float64
	for _, g := range gs {
		if g.r != ' ' {
			hs = append(hs, g.y1-g.y0)
		}
	}
	usual := median(hs)
	if usual <= 0 {
		return
	}
	for i := range gs {
		g := &gs[i]
		if g.y1-g.y0 <= 4*usual && g.x1-g.x0 <= 4*usual {
			continue
		}
		tight(i)
		th := math.Max(g.tx1-g.tx0, g.ty1-g.ty0)
		if th <= 0 || th > 2*usual {
			continue
		}
		side := math.Max(th, usual*0.8)
		cx, cy := (g.tx0+g.tx1)/2, (g.ty0+g.ty1)/2
		g.x0, g.x1, g.y0, g.y1 = cx-side/2, cx+side/2, cy-side/2, cy+side/2
		g.size = side
	}
}

// valid reports whether a glyph's box is finite and at least partly on the page.
func (g glyph) valid(w, h float64) bool {
	for _, v := range []float64{g.x0, g.x1, g.y0, g.y1, g.size} {
		if !finite(v) {
			return false
		}
	}
	return g.x1 >= g.x0 && g.y1 >= g.y0 && g.x1 > -10 && g.y1 > -10 && g.x0 < w+10 && g.y0 < h+10
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

// identity is the matrix that changes nothing.
func identity() matrix { return matrix{1, 0, 0, 1, 0, 0} }

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// then returns the matrix that applies m first and n second.
func (m matrix) then(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type objWalker struct {
	x        *extractor
	rp       *rawPage
	objects  int
	segments int
	// sp is the subpath of the path being read, its buffers reused from path to path.
	sp subpath
}

func (x *extractor) objects(page requests.Page, rp *rawPage) error {
	oc, err := x.p.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return err
	}
	w := &objWalker{x: x, rp: rp}
	for i := 0; i < oc.Count; i++ {
		if w.stop() {
			break
		}
		x.rq.object = requests.FPDFPage_GetObject{Page: page, Index: i}
		o, err := x.p.FPDFPage_GetObject(&x.rq.object)
		if err != nil {
			continue
		}
		w.object(o.PageObject, identity(), 0)
	}
	return x.ctx.Err()
}

func (w *objWalker) stop() bool {
	if w.x.ctx.Err() != nil {
		return true
	}
	if w.objects >= maxObjectsPerPage || w.segments >= maxSegmentsPerPage {
		if w.rp.truncated == "" {
			w.rp.truncated = i18n.T("部分图形（表格框线）")
		}
		return true
	}
	return false
}

// object collects ruling segments from a page object; parent maps the object's container
// (a form XObject, or the page itself) to page space, PDF orientation (y up).
func (w *objWalker) object(obj references.FPDF_PAGEOBJECT, parent matrix, depth int) {
	w.objects++
	p := w.x.p
	rq := &w.x.rq
	rq.objType = requests.FPDFPageObj_GetType{PageObject: obj}
	ty, err := p.FPDFPageObj_GetType(&rq.objType)
	if err != nil {
		return
	}
	switch ty.Type {
	case enums.FPDF_PAGEOBJ_IMAGE:
		w.rp.images++
	case enums.FPDF_PAGEOBJ_FORM:
		if depth >= maxFormDepth {
			return
		}
		m := parent
		rq.matrix = requests.FPDFPageObj_GetMatrix{PageObject: obj}
		if fm, err := p.FPDFPageObj_GetMatrix(&rq.matrix); err == nil {
			m = toMatrix(fm.Matrix.A, fm.Matrix.B, fm.Matrix.C, fm.Matrix.D, fm.Matrix.E, fm.Matrix.F).then(parent)
		}
		n, err := p.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: obj})
		if err != nil {
			return
		}
		for i := 0; i < n.Count && !w.stop(); i++ {
			rq.formObj = requests.FPDFFormObj_GetObject{PageObject: obj, Index: uint64(i)}
			c, err := p.FPDFFormObj_GetObject(&rq.formObj)
			if err != nil {
				continue
			}
			w.object(c.PageObject, m, depth+1)
		}
	case enums.FPDF_PAGEOBJ_PATH:
		w.path(obj, parent)
	}
}

func toMatrix(a, b, c, d, e, f float32) matrix {
	m := matrix{float64(a), float64(b), float64(c), float64(d), float64(e), float64(f)}
	for _, v := range m {
		if !finite(v) {
			return identity()
		}
	}
	return m
}

// path adds the straight, axis-parallel pieces of a path that could be table rulings:
// stroked lines, the edges of stroked rectangles, and thin filled rectangles (many
// producers draw cell borders as 0.5 pt wide boxes). Filled areas that are not thin are
// shading, not rulings, and curves are never rulings.
func (w *objWalker) path(obj references.FPDF_PAGEOBJECT, parent matrix) {
	p := w.x.p
	rq := &w.x.rq
	rq.drawMode = requests.FPDFPath_GetDrawMode{PageObject: obj}
	dm, err := p.FPDFPath_GetDrawMode(&rq.drawMode)
	if err != nil {
		return
	}
	filled := dm.FillMode != enums.FPDF_FILLMODE_NONE
	if !dm.Stroke && !filled {
		return // clipping or invisible path
	}
	rq.segments = requests.FPDFPath_CountSegments{PageObject: obj}
	cnt, err := p.FPDFPath_CountSegments(&rq.segments)
	if err != nil || cnt.Count < 2 {
		return
	}
	if w.segments+cnt.Count > maxSegmentsPerPage {
		w.segments = maxSegmentsPerPage
		return
	}
	w.segments += cnt.Count
	m := parent
	rq.matrix = requests.FPDFPageObj_GetMatrix{PageObject: obj}
	if om, err := p.FPDFPageObj_GetMatrix(&rq.matrix); err == nil {
		m = toMatrix(om.Matrix.A, om.Matrix.B, om.Matrix.C, om.Matrix.D, om.Matrix.E, om.Matrix.F).then(parent)
	}
	sp := &w.sp
	*sp = subpath{filled: filled, stroke: dm.Stroke, pts: sp.pts[:0], pieces: sp.pieces[:0]}
	if !w.walkSegments(obj, cnt.Count, m, sp) {
		return
	}
	sp.flush()
	for _, s := range sp.pieces {
		if s.axis() != 0 {
			w.rp.rules = append(w.rp.rules, s)
		}
	}
}

// walkSegments feeds the n segments of a path, in page space (y down), into sp. It
// reports false when a segment cannot be read or the work was cancelled: the path then
// gives no rulings.
func (w *objWalker) walkSegments(obj references.FPDF_PAGEOBJECT, n int, m matrix, sp *subpath) bool {
	p, rq := w.x.p, &w.x.rq
	for i := 0; i < n; i++ {
		if i%256 == 255 && w.x.ctx.Err() != nil {
			return false
		}
		rq.segment = requests.FPDFPath_GetPathSegment{PageObject: obj, Index: i}
		s, err := p.FPDFPath_GetPathSegment(&rq.segment)
		if err != nil {
			return false
		}
		rq.segType = requests.FPDFPathSegment_GetType{PathSegment: s.PathSegment}
		st, err := p.FPDFPathSegment_GetType(&rq.segType)
		if err != nil {
			return false
		}
		rq.segPoint = requests.FPDFPathSegment_GetPoint{PathSegment: s.PathSegment}
		pp, err := p.FPDFPathSegment_GetPoint(&rq.segPoint)
		if err != nil {
			return false
		}
		x, y := m.apply(float64(pp.X), float64(pp.Y))
		if !finite(x) || !finite(y) {
			return false
		}
		if !sp.add(st.Type, pathPt{x, w.rp.h - y}) {
			continue
		}
		rq.segClose = requests.FPDFPathSegment_GetClose{PathSegment: s.PathSegment}
		if cl, err := p.FPDFPathSegment_GetClose(&rq.segClose); err == nil && cl.IsClose && len(sp.pts) > 0 {
			sp.pts = append(sp.pts, sp.pts[0])
		}
	}
	return true
}

// pathPt is a point of a path in page space, y down.
type pathPt struct{ x, y float64 }

// subpath gathers the points of a path's current subpath and the ruling pieces of the
// subpaths before it.
type subpath struct {
	filled, stroke bool // the path's draw mode
	pts            []pathPt
	curved         bool
	pieces         []seg
}

// add takes a segment of type typ ending at q. It reports whether the segment may close
// the subpath: a line that starts a subpath (no move before it) does not.
func (sp *subpath) add(typ enums.FPDF_SEGMENT, q pathPt) bool {
	switch typ {
	case enums.FPDF_SEGMENT_MOVETO:
		sp.flush()
		sp.pts = append(sp.pts, q)
	case enums.FPDF_SEGMENT_LINETO:
		if len(sp.pts) == 0 {
			sp.pts = append(sp.pts, q)
			return false
		}
		sp.pts = append(sp.pts, q)
	case enums.FPDF_SEGMENT_BEZIERTO:
		sp.curved = true
		sp.pts = append(sp.pts, q)
	}
	return true
}

// flush ends the current subpath, keeping its ruling pieces. A subpath of one point is
// dropped and leaves the curve mark as it is.
func (sp *subpath) flush() {
	if len(sp.pts) < 2 {
		sp.pts = sp.pts[:0]
		return
	}
	sp.pieces = append(sp.pieces, sp.rulings()...)
	sp.pts = sp.pts[:0]
	sp.curved = false
}

// rulings returns the ruling pieces of the current subpath: a thin filled box as a line
// along its long side, or the lines of a stroked subpath. A curved subpath has none.
func (sp *subpath) rulings() []seg {
	if sp.curved {
		return nil
	}
	// A thin filled subpath (a box under 3 pt across) is a line along its long side.
	minX, minY, maxX, maxY := sp.pts[0].x, sp.pts[0].y, sp.pts[0].x, sp.pts[0].y
	for _, q := range sp.pts {
		minX, maxX = math.Min(minX, q.x), math.Max(maxX, q.x)
		minY, maxY = math.Min(minY, q.y), math.Max(maxY, q.y)
	}
	if sp.filled {
		if pieces, ok := thinBox(minX, minY, maxX, maxY); ok {
			return pieces
		}
	}
	var pieces []seg
	if sp.stroke {
		for i := 1; i < len(sp.pts); i++ {
			pieces = append(pieces, seg{sp.pts[i-1].x, sp.pts[i-1].y, sp.pts[i].x, sp.pts[i].y})
		}
	}
	return pieces
}

// thinBox returns the ruling pieces of a filled box that is under 3 pt across one way or
// both: a line along its long side. It reports false for a box that is not thin, or has
// no size at all.
func thinBox(minX, minY, maxX, maxY float64) ([]seg, bool) {
	bw, bh := maxX-minX, maxY-minY
	switch {
	case bw <= 3 && bh > 3:
		return []seg{{(minX + maxX) / 2, minY, (minX + maxX) / 2, maxY}}, true
	case bh <= 3 && bw > 3:
		return []seg{{minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2}}, true
	case bw <= 3 && bh <= 3 && bw+bh > 0:
		// A dash or a dot of a dashed or dotted border (Chromium fills each one):
		// a piece along its long side, or both ways for a dot. Pieces of one line
		// are joined when the rulings are merged; a lone dot stays too short.
		var pieces []seg
		cx, cy := (minX+maxX)/2, (minY+maxY)/2
		if bw >= 0.6*bh {
			pieces = append(pieces, seg{minX, cy, maxX, cy})
		}
		if bh >= 0.6*bw {
			pieces = append(pieces, seg{cx, minY, cx, maxY})
		}
		return pieces, true
	}
	return nil, false
}

// axis reports 'h' for a horizontal segment, 'v' for a vertical one and 0 otherwise
// (slanted or too short to be a ruling). The pieces made of a border's dashes and dots
// are exactly level and count however short.
func (s seg) axis() byte {
	dx, dy := math.Abs(s.x1-s.x0), math.Abs(s.y1-s.y0)
	switch {
	case dy <= 1 && dx >= 2, dy == 0 && dx > 0:
		return 'h'
	case dx <= 1 && dy >= 2, dx == 0 && dy > 0:
		return 'v'
	}
	return 0
}
