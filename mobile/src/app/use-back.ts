import { useLocation, useNavigate } from 'react-router';

/** Goes back in the app's history, or to `fallback` when the page was opened directly (a reload, a link). */
export function useBack(fallback: string): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  return () => {
    if (location.key === 'default') navigate(fallback, { replace: true });
    else navigate(-1);
  };
}
