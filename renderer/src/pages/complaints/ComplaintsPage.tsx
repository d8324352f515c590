import { useRouteParams } from '../../router/hash-router.ts';
import { ComplaintView } from './ComplaintView.tsx';
import { RegisterView } from './RegisterView.tsx';
import './complaints.css';

/** 投诉举报: the register, or one complaint (#/complaints?id=…), the only view with the reporter in full. */
export function ComplaintsPage() {
  const params = useRouteParams();
  const id = params.get('id');
  return id ? <ComplaintView id={id} /> : <RegisterView />;
}
