import { useEffect, useRef } from "react";

/**
 * A yes/no question in the browser's own modal dialog: it keeps focus inside, Escape cancels, and
 * focus returns to the button that opened it when it closes.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) {
      opener.current = document.activeElement;
      element.showModal();
    } else if (!props.open && element.open) {
      element.close();
      (opener.current as HTMLElement | null)?.focus?.();
    }
  }, [props.open]);

  return (
    <dialog
      ref={dialog}
      id="confirm-dialog"
      className="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      <div className="actions">
        <button type="button" className="button subtle" id="confirm-no" onClick={props.onCancel} autoFocus>
          {props.cancel}
        </button>
        <button
          type="button"
          className={props.danger ? "button danger" : "button"}
          id="confirm-yes"
          onClick={props.onConfirm}
          disabled={props.busy}
        >
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}
