package ingest

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/reportlint/reportlint/engine/i18n"
	"github.com/reportlint/reportlint/engine/ingest/limit"
)

// ErrNotRegular is the cause of every refusal to read something that is not a regular
// file: a named pipe (FIFO), a device or a socket. Reading one could wait forever (a FIFO
// no one writes to) or never end (/dev/zero), whatever the time limit.
var ErrNotRegular = i18n.NewError("不是普通文件（是命名管道、设备、套接字或文件夹）")

// notRegularError says what the file is instead.
type notRegularError struct{ mode fs.FileMode }

func (e notRegularError) Error() string {
	switch {
	case e.mode&fs.ModeNamedPipe != 0:
		return i18n.T("这是命名管道（FIFO），不是普通文件：不读取")
	case e.mode&fs.ModeSocket != 0:
		return i18n.T("这是套接字，不是普通文件：不读取")
	case e.mode&fs.ModeDevice != 0 || e.mode&fs.ModeCharDevice != 0:
		return i18n.T("这是设备文件，不是普通文件：不读取")
	case e.mode.IsDir():
		return i18n.T("这是一个文件夹，不是文件")
	}
	return i18n.T("这是特殊文件，不是普通文件：不读取")
}

func (e notRegularError) Unwrap() error { return ErrNotRegular }

// checkRegular refuses anything but a regular file.
func checkRegular(st fs.FileInfo) error {
	if st.Mode().IsRegular() {
		return nil
	}
	return notRegularError{st.Mode()}
}

// ReadRegular reads the regular file at path, of at most max bytes (0: no limit). Anything
// else (a FIFO, a device, a socket, a folder) is refused before it is opened, and again
// after (the open does not block on a FIFO), so a swap in between cannot make it hang.
func ReadRegular(path string, max int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Op = "open" // what users know the failure as
		}
		return nil, err
	}
	if err := checkRegular(st); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkRegular(st); err != nil {
		return nil, err
	}
	if max > 0 && st.Size() > max {
		return nil, &limit.Error{What: "file size", Limit: max, Actual: st.Size(), Unit: "bytes"}
	}
	r := io.Reader(f)
	if max > 0 {
		r = io.LimitReader(f, max+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, i18n.Errorf("读取 %s：%w", path, err)
	}
	if max > 0 && int64(len(data)) > max {
		return nil, &limit.Error{What: "file size", Limit: max, Actual: int64(len(data)), Unit: "bytes"}
	}
	return data, nil
}
