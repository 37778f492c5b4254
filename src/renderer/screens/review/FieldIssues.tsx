import { DECISION_ISSUE_MESSAGES, type DecisionIssue } from '../../../shared/domain/decision';
import { useLocale } from '../../i18n/locale-context';

/** The validator's messages for one field, tied to the control through aria-describedby. */
export function FieldIssues({
  id,
  issues,
  field,
}: {
  id: string;
  issues: DecisionIssue[];
  field: DecisionIssue['field'];
}) {
  const { label } = useLocale();
  const mine = issues.filter((issue) => issue.field === field);
  if (mine.length === 0) return null;
  return (
    <ul id={id} className="field-issues" data-testid={`issues-${field}`}>
      {mine.map((issue) => (
        <li key={issue.code} className="field-issues__item" data-issue={issue.code}>
          {label(DECISION_ISSUE_MESSAGES[issue.code])}
        </li>
      ))}
    </ul>
  );
}

export function hasIssue(issues: DecisionIssue[], field: DecisionIssue['field']): boolean {
  return issues.some((issue) => issue.field === field);
}
