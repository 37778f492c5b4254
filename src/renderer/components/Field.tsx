import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

interface FieldLayout {
  label: ReactNode;
  /** "inline-field" (label beside the control) instead of "field" (label above it). */
  inline?: boolean;
  /** Classes after the field one, on the label. */
  className?: string;
}

/** A label that wraps its control, so the control is named by it: the forms' repeated field markup. */
export function Field({
  label,
  inline = false,
  className,
  children,
}: FieldLayout & { children: ReactNode }) {
  const base = inline ? 'inline-field' : 'field';
  return (
    <label className={className ? `${base} ${className}` : base}>
      <span className={`${base}__label`}>{label}</span>
      {children}
    </label>
  );
}

type InputAttributes = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'className' | 'value' | 'onChange' | 'children'
>;

/** A text-like input (text, number, date, password) in a Field; the value travels as a string. */
export function TextField({
  label,
  inline,
  className,
  inputClassName,
  testId,
  value,
  onChange,
  children,
  ...input
}: FieldLayout &
  InputAttributes & {
    /** Classes after "input", on the input. */
    inputClassName?: string;
    testId?: string;
    value: string;
    onChange: (value: string) => void;
    /** Shown after the input, inside the label (strength, issues). */
    children?: ReactNode;
  }) {
  return (
    <Field label={label} inline={inline} className={className}>
      <input
        {...input}
        className={inputClassName ? `input ${inputClassName}` : 'input'}
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {children}
    </Field>
  );
}

/** A select in a Field; the caller gives the options as children. */
export function SelectField({
  label,
  inline,
  className,
  selectClassName,
  testId,
  value,
  disabled,
  onChange,
  children,
}: FieldLayout & {
  /** Classes after "select", on the select. */
  selectClassName?: string;
  testId?: string;
  value: string | number | undefined;
  disabled?: boolean;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <Field label={label} inline={inline} className={className}>
      <select
        className={selectClassName ? `select ${selectClassName}` : 'select'}
        data-testid={testId}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </Field>
  );
}

/** One <option> a value, labelled by optionLabel: the options list every enum select repeats. */
export function Options<T extends string | number>({
  values,
  optionLabel,
}: {
  values: readonly T[];
  optionLabel: (value: T) => string;
}) {
  return values.map((value) => (
    <option key={value} value={value}>
      {optionLabel(value)}
    </option>
  ));
}

type TextAreaAttributes = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'className' | 'value' | 'onChange' | 'children'
>;

/** A textarea named by its label's htmlFor, then its hint or issues: the forms' long-text field. */
export function TextAreaField({
  id,
  label,
  testId,
  value,
  onChange,
  children,
  ...textarea
}: TextAreaAttributes & {
  id: string;
  label: ReactNode;
  testId?: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown after the textarea (hint, issues). */
  children?: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        {...textarea}
        id={id}
        className="textarea"
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {children}
    </div>
  );
}
