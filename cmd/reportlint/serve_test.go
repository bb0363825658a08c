package main

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

func serveTestHandler(t *testing.T) http.Handler {
	t.Helper()
	l, err := newLinter(context.Background(), packFlags{}, "", "", 0, 1<<20, "30s")
	if err != nil {
		t.Fatal(err)
	}
	return newServeHandler(l, 3)
}

func upload(t *testing.T, files map[string][]byte) (*bytes.Buffer, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, name := range []string{"2023_chanhe_zhengshuju.txt", "<img src=x onerror=alert(1)>.txt", "same.txt"} {
		data, ok := files[name]
		if !ok {
			continue
		}
		fw, err := mw.CreateFormFile("files", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	return &body, mw.FormDataContentType()
}

// A reviewer posts report files and gets the dashboard and their marked-up reports; the
// file names are escaped.
func TestServeLintsUploadedFiles(t *testing.T) {
	h := serveTestHandler(t)
	sample, err := os.ReadFile("../../fixtures/2023_chanhe_zhengshuju.txt")
	if err != nil {
		t.Fatal(err)
	}
	body, ctype := upload(t, map[string][]byte{
		"2023_chanhe_zhengshuju.txt":       sample,
		"<img src=x onerror=alert(1)>.txt": []byte("三、收到和处理政府信息公开申请情况\n"),
	})
	req := httptest.NewRequest("POST", "http://127.0.0.1:8173/lint", body)
	req.Header.Set("Content-Type", ctype)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	out := rec.Body.String()
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, out)
	}
	for _, want := range []string{`<section id="dashboard">`, "检查了 2 个文档", `<table class="grid">`, "FEE-STATEMENT",
		"瀍河回族区政务服务和大数据管理局", "&lt;img src=x onerror=alert(1)&gt;.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("response lacks %q", want)
		}
	}
	if strings.Contains(out, "<img src=x") {
		t.Error("a file name reaches the page unescaped")
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
}

// The upload page is served; requests naming another host (DNS rebinding) are refused;
// serve listens on loopback addresses only.
func TestServeLocalOnly(t *testing.T) {
	h := serveTestHandler(t)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1:8173/", nil))
	page, _ := io.ReadAll(rec.Body)
	if rec.Code != 200 || !strings.Contains(string(page), `<form id="form" method="post" action="/lint" enctype="multipart/form-data">`) {
		t.Fatalf("upload page: %d %s", rec.Code, page)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://evil.example:8173/", nil))
	if rec.Code != http.StatusForbidden {
		t.Errorf("a request for another host got %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "http://localhost:8173/lint", strings.NewReader("x")))
	if rec.Code != http.StatusBadRequest {
		t.Errorf("a post without files got %d", rec.Code)
	}
	for addr, ok := range map[string]bool{"127.0.0.1:0": true, "[::1]:80": true, "localhost:8173": true,
		"0.0.0.0:8173": false, ":8173": false, "192.168.1.2:80": false} {
		if err := loopback(addr); (err == nil) != ok {
			t.Errorf("loopback(%q) = %v", addr, err)
		}
	}
}

// More files than --max-files are refused.
func TestServeLimitsFiles(t *testing.T) {
	h := serveTestHandler(t)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for range 4 {
		fw, _ := mw.CreateFormFile("files", "same.txt")
		fw.Write([]byte("x"))
	}
	mw.Close()
	req := httptest.NewRequest("POST", "http://127.0.0.1/lint", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("4 files with a limit of 3 got %d", rec.Code)
	}
}
